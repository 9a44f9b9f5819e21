import { describe, expect, it } from "vitest";
import { localInputToUtc, safeTimeZone, utcToLocalInput } from "./zoned-time";

describe("zoned time", () => {
  it("reads a wall time in the editor's zone, across daylight saving", () => {
    expect(localInputToUtc("2025-07-11T14:30", "Europe/Berlin")?.toISOString()).toBe("2025-07-11T12:30:00.000Z");
    expect(localInputToUtc("2025-01-11T14:30", "Europe/Berlin")?.toISOString()).toBe("2025-01-11T13:30:00.000Z");
    expect(localInputToUtc("2025-07-11T14:30", "America/New_York")?.toISOString()).toBe("2025-07-11T18:30:00.000Z");
    expect(localInputToUtc("2025-07-11T14:30:15", "UTC")?.toISOString()).toBe("2025-07-11T14:30:15.000Z");
  });
  it("refuses text that is not a date and time", () => {
    expect(localInputToUtc("tomorrow", "UTC")).toBeNull();
    expect(localInputToUtc("2025-13-01T10:00", "UTC")).toBeNull();
    expect(localInputToUtc("2025-02-29T10:00", "UTC")).toBeNull();
  });
  it("writes UTC back as the zone's wall time", () => {
    expect(utcToLocalInput(new Date("2025-07-11T12:30:00Z"), "Europe/Berlin")).toBe("2025-07-11T14:30");
    expect(utcToLocalInput(new Date("2025-07-11T12:30:00Z"), "Asia/Kolkata")).toBe("2025-07-11T18:00");
  });
  it("treats unknown zones as UTC", () => {
    expect(safeTimeZone("Nowhere/Land")).toBe("UTC");
    expect(safeTimeZone(42)).toBe("UTC");
  });
});
