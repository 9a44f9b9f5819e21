import { describe, expect, it } from "vitest";
import { mergeTagSchema, tagSchema, updateTagSchema } from "./tag";

describe("tagSchema", () => {
  it("trims and collapses spaces in names; an empty slug means generate", () => {
    expect(tagSchema.parse({ name: "  Foreign   Policy " })).toEqual({ name: "Foreign Policy", slug: "", description: "" });
  });
  it("refuses empty, over-long and letterless names", () => {
    expect(tagSchema.safeParse({ name: "" }).success).toBe(false);
    expect(tagSchema.safeParse({ name: "x".repeat(81) }).success).toBe(false);
    expect(tagSchema.safeParse({ name: "!!!" }).success).toBe(false);
  });
  it("refuses an illegal slug", () => {
    const r = tagSchema.safeParse({ name: "Ok", slug: "Not OK" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(["slug"]);
  });
  it("derives update and merge variants", () => {
    expect(updateTagSchema.parse({ id: "5", name: "A" }).id).toBe(5);
    expect(mergeTagSchema.safeParse({ id: "5", target: "" }).success).toBe(false);
    expect(mergeTagSchema.parse({ id: "5", target: "Taliban" })).toEqual({ id: 5, target: "Taliban" });
  });
});
