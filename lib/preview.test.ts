import { describe, expect, it } from "vitest";
import { createPreviewToken, verifyPreviewToken } from "./preview";

const secret = "unit-test-secret-0123456789";
const now = new Date("2030-01-01T00:00:00Z");

describe("preview tokens", () => {
  it("verifies for its article until it expires", () => {
    const { token, expiresAt } = createPreviewToken(42, { now, ttlMs: 60_000, secret });
    expect(expiresAt.toISOString()).toBe("2030-01-01T00:01:00.000Z");
    expect(verifyPreviewToken(token, { now, secret })).toMatchObject({ ok: true, articleId: 42 });
    expect(verifyPreviewToken(token, { now: new Date(now.getTime() + 60_000), secret })).toEqual({ ok: false, reason: "expired" });
  });
  it("refuses a token edited to point at another article or live longer", () => {
    const { token } = createPreviewToken(42, { now, secret });
    const [, exp, sig] = token.split(".");
    expect(verifyPreviewToken(`43.${exp}.${sig}`, { now, secret }).ok).toBe(false);
    expect(verifyPreviewToken(`42.${Number(exp) + 1000}.${sig}`, { now, secret }).ok).toBe(false);
    expect(verifyPreviewToken(token, { now, secret: "another-secret-0123456789" }).ok).toBe(false);
  });
  it("refuses junk", () => {
    for (const junk of ["", "abc", "1.2.3", "1.2." + "x".repeat(43) + "!", "../../etc"]) {
      expect(verifyPreviewToken(junk, { now, secret }).ok).toBe(false);
    }
  });
});
