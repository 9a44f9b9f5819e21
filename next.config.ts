import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import {
  COMMON_HEADERS,
  HSTS_HEADER,
  NO_FRAMING_HEADER,
  PUBLIC_CSP,
  SAME_ORIGIN_FRAMING_HEADER,
} from "./lib/security/headers";

/**
 * Every path except the admin and sign-in pages (whose nonce-based policy comes from proxy.ts)
 * and an ad creative's documents, live and preview (which carry their own sandboxing policy).
 */
const PUBLIC_PATHS = "/:path((?!admin(?:/|$)|login(?:/|$)|ads/preview$|ads/[^/]+/creative(?:/|$)).*)";

const nextConfig: NextConfig = {
  // Tests build into their own folder so a test run never disturbs the demo build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "sharp"],
  // Next's own page and data cache, with each copy dated from when its render began, so a render
  // that straddles an editorial change never outlives it (see the file).
  cacheHandler: fileURLToPath(new URL("./server/isr-cache-handler.cjs", import.meta.url)),
  experimental: {
    // forbidden() / unauthorized(): real 403 and 401 answers from pages and actions.
    authInterrupts: true,
    // Unmatched URLs get app/global-not-found.tsx (a whole document with the site frame). The
    // root not-found boundary, which Next inlines into every page's RSC payload, then no longer
    // has to carry a second copy of the masthead and footer.
    globalNotFound: true,
    // Image uploads arrive through server actions (site logo ≤ 2 MB; an article save carries a
    // hero image ≤ 8 MB and the Markdown body). Actions check sizes themselves, so an oversized
    // field gets a message beside it instead of a failed request. The default is 1 MB.
    serverActions: { bodySizeLimit: "16mb" },
    // /admin requests pass through proxy.ts, which buffers bodies up to this size.
    proxyClientMaxBodySize: "16mb",
  },
  async headers() {
    return [
      { source: "/:path*", headers: COMMON_HEADERS },
      {
        source: PUBLIC_PATHS,
        headers: [{ key: "Content-Security-Policy", value: PUBLIC_CSP }, SAME_ORIGIN_FRAMING_HEADER],
      },
      { source: "/admin/:path*", headers: [NO_FRAMING_HEADER] },
      { source: "/login/:path*", headers: [NO_FRAMING_HEADER] },
      // Browsers ignore HSTS over plain HTTP; the reverse proxy says when the client used HTTPS.
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [HSTS_HEADER] },
    ];
  },
};

export default nextConfig;
