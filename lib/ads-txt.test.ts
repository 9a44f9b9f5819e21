import { describe, expect, it } from "vitest";
import { adsTxtSchema } from "@/lib/validation/settings";
import { adsTxtProblems, formatAdsTxtProblem } from "./ads-txt";

describe("ads.txt as the settings form checks it", () => {
  it("accepts IAB records, comments and variables", () => {
    const text = "# sellers\ngoogle.com, pub-0000000000000000, DIRECT, f08c47fec0942fa0\ncontact=ads@example.org\nOWNERDOMAIN=example.org";
    expect(adsTxtProblems(text)).toEqual([]);
    expect(adsTxtSchema.safeParse({ adsTxt: text }).success).toBe(true);
  });

  it("names each bad line by number, in order, once", () => {
    const text = ["google.com, pub-1, DIRECT", "google.com pub-1 DIRECT", "x".repeat(1100), "google.com, pub-1, PARTNER"].join("\n");
    const messages = adsTxtProblems(text).map(formatAdsTxtProblem);
    expect(messages).toEqual([
      expect.stringMatching(/^Line 2 \(google\.com pub-1 DIRECT\): A record needs three fields/),
      "Line 3 is longer than 1024 characters.",
      expect.stringMatching(/^Line 4 \(google\.com, pub-1, PARTNER\): The relationship must be DIRECT or RESELLER/),
    ]);
    const parsed = adsTxtSchema.safeParse({ adsTxt: text });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([["adsTxt"], ["adsTxt"], ["adsTxt"]]);
  });
});
