import fs from "node:fs/promises";
import path from "node:path";
import { LOGO_FILE_PATTERN, logoDir } from "@/lib/site-logo";

/** An uploaded site logo. Names are content hashes, so a file never changes: cache it for a year. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!LOGO_FILE_PATTERN.test(file)) return notFound();
  const data = await fs.readFile(path.join(logoDir(), file)).catch(() => null);
  if (!data) return notFound();
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(data.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function notFound() {
  return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
