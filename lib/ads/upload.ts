import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { env } from "@/lib/env";

/**
 * Uploaded image creatives, stored under UPLOADS_DIR/ads by content hash (the same file uploaded
 * twice is stored once, and a name never changes meaning, so it can be cached forever). The
 * bytes are checked by decoding them, not by trusting the file name or the browser's type; SVG
 * is refused because it can carry script.
 */
export const AD_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
const FORMATS = { jpeg: "jpg", png: "png", webp: "webp", gif: "gif" } as const;
export const AD_IMAGE_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
};
export const AD_UPLOAD_FILE_PATTERN = /^[a-f0-9]{64}\.(?:jpg|png|webp|gif)$/;

export function adUploadsDir(): string {
  return path.join(env.UPLOADS_DIR, "ads");
}

export type StoredImage = { ok: true; url: string } | { ok: false; message: string };

export async function storeAdImage(file: File): Promise<StoredImage> {
  if (file.size === 0) return { ok: false, message: "The file is empty." };
  if (file.size > AD_IMAGE_MAX_BYTES) return { ok: false, message: "The image may be at most 2 MB." };
  const bytes = Buffer.from(await file.arrayBuffer());
  let format: string | undefined;
  try {
    const meta = await sharp(bytes, { animated: true, limitInputPixels: 40_000_000 }).metadata();
    format = meta.format;
  } catch {
    format = undefined;
  }
  const ext = format ? FORMATS[format as keyof typeof FORMATS] : undefined;
  if (!ext) return { ok: false, message: "Upload a JPEG, PNG, WebP or GIF image." };
  const name = `${createHash("sha256").update(bytes).digest("hex")}.${ext}`;
  const dir = adUploadsDir();
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, name);
  // Write to a temporary name first: a reader never sees half a file.
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(temp, bytes);
  await fs.rename(temp, target);
  return { ok: true, url: `/ads/uploads/${name}` };
}
