import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Tests build into their own folder so a test run never disturbs the demo build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "sharp"],
  experimental: {
    // forbidden() / unauthorized(): real 403 and 401 answers from pages and actions.
    authInterrupts: true,
    // Image uploads arrive through server actions (site logo ≤ 2 MB; an article save carries a
    // hero image ≤ 8 MB and the Markdown body). Actions check sizes themselves, so an oversized
    // field gets a message beside it instead of a failed request. The default is 1 MB.
    serverActions: { bodySizeLimit: "16mb" },
    // /admin requests pass through proxy.ts, which buffers bodies up to this size.
    proxyClientMaxBodySize: "16mb",
  },
};

export default nextConfig;
