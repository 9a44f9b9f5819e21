/**
 * The document an HTML creative runs in. Ad code is third-party by nature (it loads scripts from
 * ad networks), so the policy does not try to list sources: it confines the code instead. The
 * `sandbox` directive gives the document an opaque origin (no access to this site's DOM,
 * cookies or storage) and no top-level navigation, whether it is framed or opened directly.
 */
export const CREATIVE_SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox";

export const CREATIVE_CSP = [
  `sandbox ${CREATIVE_SANDBOX}`,
  "default-src * data: blob: 'unsafe-inline' 'unsafe-eval'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join("; ");

/**
 * The creative's document; with `impressionPath` (the live ad, not the admin's preview) it loads
 * the slot's impression pixel itself, so each showing of the creative counts once.
 */
export function adCreativeDocument(code: string, impressionPath?: string): string {
  return [
    "<!doctype html>",
    '<html><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Links open in a new window: the frame may not navigate the page around it.
    '<base target="_blank">',
    "<style>html,body{margin:0;padding:0;overflow:hidden;background:transparent}</style>",
    "</head><body>",
    code,
    impressionPath
      ? `<img src="${impressionPath}" alt="" width="1" height="1" style="position:absolute;left:0;top:0;opacity:0;pointer-events:none">`
      : "",
    "</body></html>",
  ].join("");
}
