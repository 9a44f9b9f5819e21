import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { env } from "@/lib/env";
import { LOGO_MAX_BYTES } from "@/lib/validation/settings";

/**
 * Uploaded site logos: decoded and re-encoded as PNG (which drops anything hidden in the file,
 * and refuses SVG and non-images), scaled to fit 800×240, stored under the uploads folder by
 * content hash and served by /logo/[file] with a year-long cache.
 */
const ACCEPTED_FORMATS = new Set(["png", "jpeg", "webp", "gif", "avif"]);
export const LOGO_FILE_PATTERN = /^[a-f0-9]{32}\.png$/;

export function logoDir(): string {
  return path.join(env.UPLOADS_DIR, "logos");
}

export type SavedLogo = { url: string; width: number; height: number; bytes: number };

export async function saveLogo(file: File): Promise<SavedLogo | { error: string }> {
  if (file.size === 0) return { error: "The file is empty." };
  if (file.size > LOGO_MAX_BYTES) return { error: "Use an image of at most 2 MB." };
  const input = Buffer.from(await file.arrayBuffer());
  let output: { data: Buffer; info: sharp.OutputInfo };
  try {
    const meta = await sharp(input, { limitInputPixels: 40_000_000 }).metadata();
    if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) {
      return { error: "Use a PNG, JPEG, WebP, GIF or AVIF image." };
    }
    output = await sharp(input, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize({ width: 800, height: 240, fit: "inside", withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true });
  } catch {
    return { error: "This file is not an image we can read." };
  }
  const name = `${crypto.createHash("sha256").update(output.data).digest("hex").slice(0, 32)}.png`;
  await fs.mkdir(logoDir(), { recursive: true });
  const target = path.join(logoDir(), name);
  // Content-addressed: the same logo uploaded twice is one file.
  await fs.writeFile(target, output.data, { flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  return { url: `/logo/${name}`, width: output.info.width, height: output.info.height, bytes: output.data.length };
}
