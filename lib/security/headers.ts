/**
 * Security headers, in one place: next.config.ts sends the static ones with every response
 * (cached pages included), and proxy.ts sends the per-request, nonce-based policy of the admin
 * and sign-in pages. No imports: next.config.ts loads this file before the app is built.
 *
 * Two Content-Security-Policies, because of how pages are served:
 * - Reader pages are prerendered and served from Next's cache, so one HTML document goes to
 *   every reader and cannot carry a per-request nonce. Next's App Router puts the page's data
 *   in inline `<script>self.__next_f.push(…)</script>` elements whose text differs per page and
 *   per revision, so neither a nonce nor a list of hashes can name them ahead of time:
 *   `script-src-elem` must allow `'unsafe-inline'` there. Everything else stays strict: script
 *   files only from this origin, no inline event handlers (`script-src-attr 'none'`), no
 *   plugins, no `<base>` hijack, forms only to this site, frames only from this site (ad
 *   creatives are served from our own sandboxed route).
 * - The admin and sign-in pages are rendered per request anyway, so they get a fresh nonce and
 *   `'strict-dynamic'`: only scripts that Next itself rendered with that nonce (and what they
 *   load) run, and the pages may not be framed at all.
 */

export type Header = { key: string; value: string };

function policy(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => (sources.length ? `${name} ${sources.join(" ")}` : name))
    .join("; ");
}

/** Directives both policies share. */
const BASE: Record<string, string[]> = {
  "default-src": ["'self'"],
  // Article images may be hot-linked from any https source; data: for tiny inline placeholders.
  "img-src": ["'self'", "https:", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "media-src": ["'self'", "https:"],
  "frame-src": ["'self'"],
  "worker-src": ["'self'"],
  "manifest-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  // Inline handlers (onclick=…) never run, whatever else is allowed.
  "script-src-attr": ["'none'"],
  // Inline style attributes only size things (the reserved box of an ad slot); they cannot run code.
  "style-src-attr": ["'unsafe-inline'"],
};

/** For cached reader pages, feeds and files: no nonce possible (see above). */
export const PUBLIC_CSP = policy({
  "script-src": ["'self'", "'unsafe-inline'"],
  // Measured: reader pages use no inline <style> elements, only style attributes.
  "style-src": ["'self'"],
  ...BASE,
  "frame-ancestors": ["'self'"],
});

/** For the admin and sign-in pages, rendered per request. */
export function nonceCsp(nonce: string): string {
  // script-src comes first: Next takes the nonce from the first directive that starts with
  // "script-src", and script-src-attr would match too.
  return policy({
    // 'self' is ignored by browsers that understand 'strict-dynamic'; it keeps old ones working.
    "script-src": [`'nonce-${nonce}'`, "'strict-dynamic'", "'self'"],
    "style-src": ["'self'", `'nonce-${nonce}'`],
    ...BASE,
    // The editor previews an image before uploading it.
    "img-src": [...BASE["img-src"], "blob:"],
    "frame-ancestors": ["'none'"],
  });
}

/**
 * Every response: no MIME sniffing, no full URLs to other sites in Referer, and the powerful
 * browser features this site never uses switched off for it and for anything it frames.
 */
export const COMMON_HEADERS: Header[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: [
      "camera=()",
      "microphone=()",
      "geolocation=()",
      "browsing-topics=()",
      "payment=()",
      "usb=()",
      "serial=()",
      "hid=()",
      "bluetooth=()",
      "midi=()",
      "magnetometer=()",
      "gyroscope=()",
      "accelerometer=()",
      "display-capture=()",
      "screen-wake-lock=()",
      "xr-spatial-tracking=()",
      "publickey-credentials-get=()",
    ].join(", "),
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Only sent when the request reached us over HTTPS (directly or via the reverse proxy). */
export const HSTS_HEADER: Header = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

/** Pages that may never be framed: the admin and sign-in, against clickjacking. */
export const NO_FRAMING_HEADER: Header = { key: "X-Frame-Options", value: "DENY" };
export const SAME_ORIGIN_FRAMING_HEADER: Header = { key: "X-Frame-Options", value: "SAMEORIGIN" };

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
