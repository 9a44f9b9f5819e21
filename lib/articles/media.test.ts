import fs from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { HERO_MAX_BYTES, NOT_AN_IMAGE, discardImage, heroSrcSet, prepareHeroImage, storeImage, uploadsFile, variantFile } from "./media";

const image = (format: "png" | "jpeg" | "webp" | "gif", width = 800, height = 450) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .toFormat(format)
    .toBuffer();

describe("hero image uploads", () => {
  it("accepts JPEG, PNG and WebP by their content, whatever the file is called", async () => {
    for (const format of ["png", "jpeg", "webp"] as const) {
      const file = new File([new Uint8Array(await image(format))], "picture.txt", { type: "text/plain" });
      const result = await prepareHeroImage(file);
      expect(result.ok && result.image.format).toBe(format);
    }
  });

  it("refuses other formats and non-images even when named like a photo", async () => {
    const gif = new File([new Uint8Array(await image("gif"))], "photo.jpg", { type: "image/jpeg" });
    expect(await prepareHeroImage(gif)).toEqual({ ok: false, error: NOT_AN_IMAGE });
    const text = new File(["definitely not pixels"], "photo.png", { type: "image/png" });
    expect(await prepareHeroImage(text)).toEqual({ ok: false, error: NOT_AN_IMAGE });
    const truncated = new File([new Uint8Array((await image("png")).subarray(0, 60))], "cut.png");
    expect((await prepareHeroImage(truncated)).ok).toBe(false);
  });

  it("refuses files over the size limit before reading them, and empty files", async () => {
    const big = new File([new Uint8Array(HERO_MAX_BYTES + 1)], "big.jpg");
    expect(await prepareHeroImage(big)).toEqual({ ok: false, error: "The image is 8.0 MB; the limit is 8.0 MB." });
    expect((await prepareHeroImage(new File([], "empty.png"))).ok).toBe(false);
  });

  it("shrinks very wide images, stores them under the uploads folder and makes narrower copies", async () => {
    const result = await prepareHeroImage(new File([new Uint8Array(await image("jpeg", 3000, 1500))], "wide.jpg"));
    if (!result.ok) throw new Error(result.error);
    expect(result.image).toMatchObject({ width: 2400, height: 1200 });
    const stored = await storeImage(result.image, new Date("2030-04-05T00:00:00Z"));
    expect(stored.path).toMatch(/^2030\/04\/[0-9a-f]{24}\.jpg$/);
    expect(stored.url).toBe(`/media/${stored.path}`);
    expect(stored.mime).toBe("image/jpeg");
    expect(fs.existsSync(uploadsFile(stored.path)!)).toBe(true);
    const variant = await variantFile(stored.path, 640, stored.mime);
    expect((await sharp(variant!).metadata()).width).toBe(640);
    await discardImage(stored);
    expect(fs.existsSync(uploadsFile(stored.path)!)).toBe(false);
  });

  it("never resolves a path outside the uploads folder", () => {
    expect(uploadsFile("../news.db")).toBeNull();
    expect(uploadsFile("2030/../../x")).toBeNull();
  });

  it("lists responsive widths below the image's own", () => {
    expect(heroSrcSet("/media/a.jpg", 1000)).toBe("/media/a.jpg?w=320 320w, /media/a.jpg?w=640 640w, /media/a.jpg?w=960 960w, /media/a.jpg 1000w");
  });
});
