import { describe, expect, it } from "vitest";
import { MAX_PAGE } from "@/db/queries/articles";
import { parsePageNumber } from "./page-number";

describe("parsePageNumber", () => {
  it.each([
    ["1", 1],
    ["2", 2],
    ["137", 137],
    [String(MAX_PAGE), MAX_PAGE],
  ])("accepts %s", (raw, n) => expect(parsePageNumber(raw)).toBe(n));

  it.each(["0", "-1", "abc", "", "01", "1.5", "1e3", " 2", "+2", "0x10", String(MAX_PAGE + 1), "99999999999999999999"])(
    "rejects %j",
    (raw) => expect(parsePageNumber(raw)).toBeNull(),
  );
});
