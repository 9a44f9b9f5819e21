import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import { COMMON_HEADERS, PUBLIC_CSP, newNonce, nonceCsp } from "./headers";

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([n, ...s]) => [n, s]));
}

describe("content security policies", () => {
  it("Next finds the admin policy's nonce (it reads the first directive starting with script-src)", () => {
    const nonce = newNonce();
    expect(getScriptNonceFromHeader(nonceCsp(nonce))).toBe(nonce);
  });

  it("nonces are fresh and well-formed", () => {
    const seen = new Set(Array.from({ length: 50 }, newNonce));
    expect(seen.size).toBe(50);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("the admin policy allows no inline script without the nonce and no framing", () => {
    const d = directives(nonceCsp("abc"));
    expect(d.get("script-src")).toEqual(["'nonce-abc'", "'strict-dynamic'", "'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect([...d.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("the reader policy only loads scripts from this origin and blocks handlers, plugins and base hijacks", () => {
    const d = directives(PUBLIC_CSP);
    expect(d.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get("script-src-attr")).toEqual(["'none'"]);
    expect(d.get("style-src")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("frame-src")).toEqual(["'self'"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.get("img-src")).toEqual(["'self'", "https:", "data:"]);
    expect(getScriptNonceFromHeader(PUBLIC_CSP)).toBeUndefined();
  });

  it("common headers are all present once", () => {
    const keys = COMMON_HEADERS.map((h) => h.key.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(["x-content-type-options", "referrer-policy", "permissions-policy"]));
  });
});
