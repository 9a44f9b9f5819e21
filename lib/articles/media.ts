import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { env } from "@/lib/env";
import { formatBytes } from "@/lib/validation/article";
import type { StoredImage } from "./write";

/**
 * Hero image uploads: the file's content decides what it is (sharp reads its header; the name
 * and the browser's type are ignored). Accepted images are re-encoded, which applies EXIF
 * rotation and drops metadata such as camera GPS positions, and stored under UPLOADS_DIR.
 */

export const HERO_MAX_BYTES = 8 * 1024 * 1024;
/** Refuse decompression bombs: a small file that unpacks to a gigantic bitmap. */
const MAX_INPUT_PIXELS = 40_000_000;
/** Stored originals are at most this wide; the media route serves smaller widths on request. */
export const HERO_MAX_WIDTH = 2400;
export { RESPONSIVE_WIDTHS, heroSrcSet } from "./responsive";

const FORMATS = {
  jpeg: { ext: "jpg", mime: "image/jpeg" },
  png: { ext: "png", mime: "image/png" },
  webp: { ext: "webp", mime: "image/webp" },
} as const;
type Format = keyof typeof FORMATS;

export type PreparedImage = { buffer: Buffer; format: Format; width: number; height: number };

export const NOT_AN_IMAGE = "This file is not a JPEG, PNG or WebP image. Choose a photo in one of those formats.";

/** Checks and re-encodes an upload; an error message for the field when it is refused. */
export async function prepareHeroImage(file: File): Promise<{ ok: true; image: PreparedImage } | { ok: false; error: string }> {
  if (file.size === 0) return { ok: false, error: "The chosen file is empty." };
  if (file.size > HERO_MAX_BYTES) {
    return { ok: false, error: `The image is ${formatBytes(file.size)}; the limit is ${formatBytes(HERO_MAX_BYTES)}.` };
  }
  const input = Buffer.from(await file.arrayBuffer());
  let format: Format;
  try {
    const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    if (meta.format !== "jpeg" && meta.format !== "png" && meta.format !== "webp") return { ok: false, error: NOT_AN_IMAGE };
    if ((meta.pages ?? 1) > 1) return { ok: false, error: "Animated images cannot be hero images. Choose a still photo." };
    format = meta.format;
  } catch {
    return { ok: false, error: NOT_AN_IMAGE };
  }
  try {
    let pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({ width: HERO_MAX_WIDTH, withoutEnlargement: true });
    pipeline =
      format === "jpeg"
        ? pipeline.jpeg({ quality: 85, mozjpeg: true })
        : format === "png"
          ? pipeline.png({ compressionLevel: 9 })
          : pipeline.webp({ quality: 85 });
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { ok: true, image: { buffer: data, format, width: info.width, height: info.height } };
  } catch {
    return { ok: false, error: "This image could not be read: it may be damaged or too large (over 40 megapixels)." };
  }
}

/** Absolute file for a stored path, or null if the path tries to leave the uploads folder. */
export function uploadsFile(relative: string): string | null {
  const root = path.resolve(env.UPLOADS_DIR);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Writes the image under `YYYY/MM/<random>.<ext>` and returns what the media table records. */
export async function storeImage(image: PreparedImage, now = new Date()): Promise<StoredImage> {
  const { ext, mime } = FORMATS[image.format];
  const dir = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  const relative = `${dir}/${crypto.randomBytes(12).toString("hex")}.${ext}`;
  const file = uploadsFile(relative)!;
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, image.buffer, { flag: "wx" });
  return { path: relative, url: `/media/${relative}`, mime, width: image.width, height: image.height, bytes: image.buffer.length };
}

/** Removes a stored file whose save was refused, so nothing is left behind. */
export async function discardImage(image: StoredImage): Promise<void> {
  const file = uploadsFile(image.path);
  if (file) await fs.rm(file, { force: true });
}

/** A narrower copy for `?w=`, generated once and kept beside the uploads. */
export async function variantFile(relative: string, width: number, mime: string): Promise<string | null> {
  const original = uploadsFile(relative);
  const variant = uploadsFile(`.variants/${width}/${relative}`);
  if (!original || !variant) return null;
  try {
    await fs.access(variant);
    return variant;
  } catch {
    // Not generated yet.
  }
  const resized = sharp(original).resize({ width, withoutEnlargement: true });
  const encoded =
    mime === "image/jpeg"
      ? resized.jpeg({ quality: 80, mozjpeg: true })
      : mime === "image/png"
        ? resized.png({ compressionLevel: 9 })
        : resized.webp({ quality: 80 });
  const buffer = await encoded.toBuffer();
  await fs.mkdir(path.dirname(variant), { recursive: true });
  // Write then rename: a concurrent request never reads a half-written file.
  const temp = `${variant}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  await fs.writeFile(temp, buffer);
  await fs.rename(temp, variant);
  return variant;
}
