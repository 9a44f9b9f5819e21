import { describe, expect, it } from "vitest";
import { adsTxtSchema, siteSettingsSchema } from "./settings";

const valid = { siteName: "The Courier", description: "News.", siteUrl: "https://news.example.com/", logoUrl: "" };

describe("site settings schema", () => {
  it("accepts good settings and drops the URL's trailing slash", () => {
    expect(siteSettingsSchema.parse(valid)).toEqual({ ...valid, siteUrl: "https://news.example.com" });
  });

  it("refuses script URLs and protocol-relative logos", () => {
    for (const siteUrl of ["javascript:alert(1)", "ftp://example.com", "news.example.com", ""]) {
      expect(siteSettingsSchema.safeParse({ ...valid, siteUrl }).success, siteUrl).toBe(false);
    }
    for (const logoUrl of ["javascript:alert(1)", "//evil.example/x.png", "/\\evil.example", "data:image/png;base64,AA"]) {
      expect(siteSettingsSchema.safeParse({ ...valid, logoUrl }).success, logoUrl).toBe(false);
    }
    for (const logoUrl of ["", "/logo/abc.png", "https://cdn.example.com/logo.png"]) {
      expect(siteSettingsSchema.safeParse({ ...valid, logoUrl }).success, logoUrl).toBe(true);
    }
  });

  it("requires a name of sensible length", () => {
    const result = siteSettingsSchema.safeParse({ ...valid, siteName: "  " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["siteName"]);
  });
});

describe("ads.txt schema", () => {
  it("normalises line endings and trailing space", () => {
    expect(adsTxtSchema.parse({ adsTxt: "a.com, 1, DIRECT  \r\n# note\r\n\r\n" })).toEqual({ adsTxt: "a.com, 1, DIRECT\n# note" });
  });

  it("names the lines it refuses", () => {
    const result = adsTxtSchema.safeParse({ adsTxt: "ok.com, 1, DIRECT\nbad\u0007line\n" + "x".repeat(2000) });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "Line 2 contains a control character.",
      "Line 3 is longer than 1024 characters.",
    ]);
  });
});
