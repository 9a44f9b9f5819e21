import fs from "node:fs/promises";
import path from "node:path";
import { AD_IMAGE_TYPES, AD_UPLOAD_FILE_PATTERN, adUploadsDir } from "@/lib/ads/upload";

/** Uploaded ad images. Names are content hashes, so a response never changes: cache it for a year. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!AD_UPLOAD_FILE_PATTERN.test(file)) return notFound();
  let body: Buffer;
  try {
    body = await fs.readFile(path.join(adUploadsDir(), file));
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": AD_IMAGE_TYPES[file.slice(file.lastIndexOf(".") + 1)],
      "Content-Length": String(body.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}

function notFound() {
  return new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
