import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Tests build into their own folder so a test run never disturbs the demo build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "sharp"],
  experimental: {
    // forbidden() / unauthorized(): real 403 and 401 answers from pages and actions.
    authInterrupts: true,
    // Image uploads (site logo, up to 2 MB) arrive through server actions; the default is 1 MB.
    serverActions: { bodySizeLimit: "6mb" },
  },
};

export default nextConfig;
