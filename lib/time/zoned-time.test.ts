import { describe, expect, it } from "vitest";
import { localInputToUtc, readLocalInput, safeTimeZone, utcToLocalInput } from "./zoned-time";

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
  it("reports wall times the clocks jump over, east and west of UTC", () => {
    // New York: 02:00 EST → 03:00 EDT on 9 March 2025; Paris: 02:00 CET → 03:00 CEST on 30 March.
    const ny = readLocalInput("2025-03-09T02:30", "America/New_York");
    expect(ny).toMatchObject({ ok: false, reason: "skipped" });
    expect(localInputToUtc("2025-03-09T02:30", "America/New_York")?.toISOString()).toBe("2025-03-09T07:30:00.000Z");
    expect(localInputToUtc("2025-03-30T02:30", "Europe/Paris")?.toISOString()).toBe("2025-03-30T01:30:00.000Z");
    expect(readLocalInput("2025-03-09T03:00", "America/New_York")).toEqual({ ok: true, date: new Date("2025-03-09T07:00:00Z") });
    expect(readLocalInput("2025-03-09T01:59", "America/New_York")).toEqual({ ok: true, date: new Date("2025-03-09T06:59:00Z") });
    expect(readLocalInput("bad", "America/New_York")).toEqual({ ok: false, reason: "format" });
  });
  it("takes the first of a wall time that happens twice", () => {
    // New York: 02:00 EDT → 01:00 EST on 2 November 2025, so 01:30 happens at 05:30Z and 06:30Z.
    expect(readLocalInput("2025-11-02T01:30", "America/New_York")).toEqual({ ok: true, date: new Date("2025-11-02T05:30:00Z") });
  });
  it("handles half-hour offsets", () => {
    expect(readLocalInput("2025-07-11T09:00", "Asia/Kolkata")).toEqual({ ok: true, date: new Date("2025-07-11T03:30:00Z") });
    expect(utcToLocalInput(new Date("2025-07-11T03:30:00Z"), "Asia/Kolkata")).toBe("2025-07-11T09:00");
  });
  it("treats unknown zones as UTC", () => {
    expect(safeTimeZone("Nowhere/Land")).toBe("UTC");
    expect(safeTimeZone(42)).toBe("UTC");
  });
});
