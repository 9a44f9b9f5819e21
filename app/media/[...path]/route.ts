import fs from "node:fs/promises";
import { getMediaByPath } from "@/db/queries/media";
import { RESPONSIVE_WIDTHS, uploadsFile, variantFile } from "@/lib/articles/media";

/**
 * Uploaded images. A stored file never changes (a new upload gets a new random name), so
 * browsers and CDNs may keep it for a year without asking again. `?w=640` serves a narrower
 * copy, generated on first request from the allowed widths only.
 */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const IMMUTABLE = "public, max-age=31536000, immutable";

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" } });
}

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const segments = (await params).path;
  if (!segments?.length || segments.length > 6 || !segments.every((s) => SEGMENT.test(s) && !s.includes(".."))) return notFound();
  const relative = segments.join("/");
  const record = await getMediaByPath(relative);
  if (!record) return notFound();

  const w = new URL(request.url).searchParams.get("w");
  let file = uploadsFile(relative);
  if (w !== null) {
    const width = Number(w);
    if (!RESPONSIVE_WIDTHS.includes(width as (typeof RESPONSIVE_WIDTHS)[number])) {
      return new Response(`Unsupported width. Use one of: ${RESPONSIVE_WIDTHS.join(", ")}.`, {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
    if (width < record.width) file = await variantFile(relative, width, record.mime).catch(() => null);
  }
  if (!file) return notFound();
  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": record.mime,
      "Content-Length": String(body.length),
      "Cache-Control": IMMUTABLE,
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
}
