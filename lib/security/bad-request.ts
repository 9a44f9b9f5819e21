/**
 * Requests Next itself would answer with a 500 (it fails on them before any of our code runs),
 * recognised early so proxy.ts can answer 400 instead:
 * - a path with a broken percent-escape (`/tags/%`, `/page/%zz`) or bytes that are not UTF-8
 *   (`/articles/%ff`): Next's 400 page does not exist in an App Router app, so it ends in 500;
 * - a form post whose multipart body does not parse, or a server-action call whose arguments
 *   are not the JSON React sends: Next's action handler throws while decoding them.
 */
export function hasMalformedPath(rawPathname: string): boolean {
  if (!rawPathname.includes("%")) return false;
  try {
    decodeURIComponent(rawPathname);
    return false;
  } catch {
    return true;
  }
}

export async function hasMalformedActionBody(request: Request): Promise<boolean> {
  if (request.method !== "POST" || !request.body) return false;
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  try {
    if (type.startsWith("multipart/form-data")) {
      await request.clone().formData();
    } else if (request.headers.has("next-action") && type.startsWith("text/plain")) {
      JSON.parse(await request.clone().text());
    }
    return false;
  } catch {
    return true;
  }
}

export function badRequestResponse(message: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Bad request</title></head><body><main><h1>Bad request</h1><p>${message}</p><p><a href="/">Go to the front page</a></p></main></body></html>`;
  return new Response(html, {
    status: 400,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
