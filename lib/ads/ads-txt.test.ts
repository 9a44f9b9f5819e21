import { describe, expect, it } from "vitest";
import { validateAdsTxt } from "./ads-txt";

describe("validateAdsTxt", () => {
  it("accepts records, comments, blank lines and the specified variables", () => {
    const result = validateAdsTxt(
      [
        "# ads.txt for example.org",
        "",
        "google.com, pub-0000000000000000, DIRECT, f08c47fec0942fa0",
        "appnexus.com, 1234, RESELLER",
        "Rubiconproject.com , 19116 , direct , 0bfd66d529a55807   # trailing comment",
        "greenadexchange.com, XF7342, DIRECT, 5jyxf8k54; extension data",
        "contact=ads@example.org",
        "CONTACT=https://example.org/advertise",
        "subdomain=sports.example.org",
        "OWNERDOMAIN=example.org",
        "MANAGERDOMAIN=manager.example.net",
        "managerdomain=manager.example.net, US",
        "inventorypartnerdomain=partner.example.com",
      ].join("\r\n"),
    );
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, records: 4, variables: 7 });
  });

  it("reports each bad line with its number and a reason", () => {
    const text = [
      "# header", // 1
      "google.com, pub-1, DIRECT", // 2 ok
      "google.com pub-1 DIRECT", // 3 no commas
      "google.com, pub-1", // 4 two fields
      "google.com, pub-1, PARTNER", // 5 bad relationship
      "not a domain, pub-1, DIRECT", // 6 bad domain
      "google.com, pub 1, DIRECT", // 7 account id with space
      "google.com, pub-1, DIRECT, f08c-47", // 8 bad cert id
      "google.com, pub-1, DIRECT, abc, extra", // 9 five fields
      "google.com, , DIRECT", // 10 missing account
      "colour=blue", // 11 unknown variable
      "subdomain=", // 12 empty value
      "OWNERDOMAIN=http://example.org/", // 13 not a domain
      "MANAGERDOMAIN=example.net,USA", // 14 bad country
    ].join("\n");
    const result = validateAdsTxt(text);
    expect(result.ok).toBe(false);
    expect(result.records).toBe(1);
    expect(result.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const byLine = new Map(result.problems.map((p) => [p.line, p]));
    expect(byLine.get(5)?.message).toMatch(/DIRECT or RESELLER/);
    expect(byLine.get(6)?.message).toMatch(/not a domain/);
    expect(byLine.get(11)?.message).toMatch(/Unknown variable "colour"/);
    expect(byLine.get(3)?.text).toBe("google.com pub-1 DIRECT");
  });

  it("treats an empty file as valid", () => {
    expect(validateAdsTxt("")).toMatchObject({ ok: true, records: 0 });
    expect(validateAdsTxt("\n# only a comment\n\n")).toMatchObject({ ok: true, records: 0 });
  });

  it("refuses a huge file without scanning it", () => {
    const result = validateAdsTxt("google.com, 1, DIRECT\n".repeat(10_000));
    expect(result.ok).toBe(false);
    expect(result.problems[0].message).toMatch(/at most/);
  });
});
