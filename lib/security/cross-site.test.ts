import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "./cross-site";

const h = (init: Record<string, string>) => new Headers(init);

describe("isCrossSiteRequest", () => {
  it("lets same-origin browser posts and non-browser clients through", () => {
    expect(isCrossSiteRequest(h({ host: "news.example.com", origin: "https://news.example.com" }))).toBe(false);
    expect(isCrossSiteRequest(h({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteRequest(h({ host: "news.example.com" }))).toBe(false);
    expect(isCrossSiteRequest(h({ host: "internal:3000", "x-forwarded-host": "news.example.com", origin: "https://news.example.com" }))).toBe(false);
  });

  it("refuses another site, a look-alike host, a sandboxed frame and a malformed origin", () => {
    expect(isCrossSiteRequest(h({ host: "news.example.com", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteRequest(h({ host: "news.example.com", origin: "https://news.example.com.evil.example" }))).toBe(true);
    expect(isCrossSiteRequest(h({ host: "news.example.com:443", origin: "https://news.example.com:8443" }))).toBe(true);
    expect(isCrossSiteRequest(h({ host: "news.example.com", origin: "null" }))).toBe(true);
    expect(isCrossSiteRequest(h({ host: "news.example.com", origin: "not a url" }))).toBe(true);
    expect(isCrossSiteRequest(h({ origin: "https://news.example.com" }))).toBe(true);
  });

  it("trusts the browser's Sec-Fetch-Site when it says cross-site or same-site", () => {
    expect(isCrossSiteRequest(h({ host: "news.example.com", "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSiteRequest(h({ host: "news.example.com", "sec-fetch-site": "same-site" }))).toBe(true);
    expect(isCrossSiteRequest(h({ host: "news.example.com", "sec-fetch-site": "none" }))).toBe(false);
  });
});
