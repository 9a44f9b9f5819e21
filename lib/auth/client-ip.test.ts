import { afterEach, describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("clientIpFrom", () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXY_HOPS;
  });

  it("takes the right-most forwarded address, which the nearest hop appended", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "198.51.100.7, 203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientIpFrom(h({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
  });

  it("skips trusted proxies when told how many there are", () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    expect(clientIpFrom(h({ "x-forwarded-for": "198.51.100.7, 203.0.113.5, 10.0.0.2" }))).toBe("203.0.113.5");
    process.env.TRUSTED_PROXY_HOPS = "9";
    expect(clientIpFrom(h({ "x-forwarded-for": "198.51.100.7" }))).toBe("198.51.100.7");
  });

  it("falls back to x-real-ip, then to a shared bucket", () => {
    expect(clientIpFrom(h({ "x-real-ip": "192.0.2.1" }))).toBe("192.0.2.1");
    expect(clientIpFrom(h({}))).toBe("unknown");
  });
});
