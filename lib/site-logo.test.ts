import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { LOGO_FILE_PATTERN, logoDir, saveLogo } from "./site-logo";

async function png(width: number, height: number) {
  return sharp({ create: { width, height, channels: 4, background: "#c00" } })
    .png()
    .toBuffer();
}

describe("saveLogo", () => {
  it("stores a re-encoded PNG under a content-hash name, scaled to fit", async () => {
    const saved = await saveLogo(new File([new Uint8Array(await png(1600, 200))], "logo.png", { type: "image/png" }));
    if ("error" in saved) throw new Error(saved.error);
    expect(saved).toMatchObject({ width: 800, height: 100 });
    const name = saved.url.replace("/logo/", "");
    expect(name).toMatch(LOGO_FILE_PATTERN);
    const meta = await sharp(fs.readFileSync(path.join(logoDir(), name))).metadata();
    expect(meta).toMatchObject({ format: "png", width: 800, height: 100 });
    const again = await saveLogo(new File([new Uint8Array(await png(1600, 200))], "copy.png"));
    expect(again).toEqual(saved);
  });

  it("refuses SVG, text and empty files", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';
    expect(await saveLogo(new File([svg], "logo.svg", { type: "image/svg+xml" }))).toHaveProperty("error");
    expect(await saveLogo(new File(["hello"], "logo.png", { type: "image/png" }))).toEqual({
      error: "This file is not an image we can read.",
    });
    expect(await saveLogo(new File([], "logo.png"))).toEqual({ error: "The file is empty." });
  });
});
