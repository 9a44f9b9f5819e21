import { CREATIVE_CSP } from "@/lib/ads/creative";

export const dynamic = "force-static";

/**
 * The admin's live preview of an HTML creative. The ad slot form cannot put the draft code in a
 * `srcdoc` frame: such a frame inherits the admin page's Content-Security-Policy, which (rightly)
 * lets no script run without the page's nonce. This empty document carries the creatives' own
 * sandboxing policy instead; the form posts the draft document to it and it writes that in.
 * Only a page of this site that frames it can do so: messages from any other origin, or to a
 * copy opened on its own, are ignored (and the policy refuses framing by other sites).
 */
const SHELL = `<!doctype html><html><head><meta charset="utf-8"><title>Ad preview</title></head><body><script>
addEventListener("message", function (event) {
  if (window.parent === window || event.source !== window.parent) return;
  if (event.origin !== new URL(location.href).origin || typeof event.data !== "string") return;
  document.open();
  document.write(event.data);
  document.close();
});
</script></body></html>`;

export function GET(): Response {
  return new Response(SHELL, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": CREATIVE_CSP,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=3600",
      "X-Robots-Tag": "noindex, nofollow",
    },
  });
}
