import { describe, expect, it } from "vitest";
import { percentile, summarize } from "./stats";

describe("stats", () => {
  it("uses nearest-rank percentiles", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(summarize([3, 1, 2])).toMatchObject({ runs: 3, median: 2, min: 1, max: 3 });
  });
});
