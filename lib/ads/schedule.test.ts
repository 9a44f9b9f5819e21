import { describe, expect, it } from "vitest";
import { adStatus, isAdLive, nextScheduleChange, statsDay, statsWindowStart, type Clock } from "./schedule";

const at = (iso: string) => new Date(iso);
const ms = (iso: string) => at(iso).getTime();

describe("the schedule window, with an injected clock", () => {
  const slot = { active: true, startsAt: ms("2025-07-10T00:00:00Z"), endsAt: ms("2025-07-12T00:00:00Z") };

  it("moves from scheduled to active to expired as the clock advances", () => {
    let now = at("2025-07-09T23:59:59.999Z");
    const clock: Clock = () => now;
    expect(adStatus(slot, clock())).toBe("scheduled");
    now = at("2025-07-10T00:00:00Z");
    expect(adStatus(slot, clock())).toBe("active"); // the start is inclusive
    now = at("2025-07-11T23:59:59.999Z");
    expect(isAdLive(slot, clock())).toBe(true);
    now = at("2025-07-12T00:00:00Z");
    expect(adStatus(slot, clock())).toBe("expired"); // the end is exclusive
  });

  it("is inactive whatever the window when switched off", () => {
    expect(adStatus({ ...slot, active: false }, at("2025-07-11T00:00:00Z"))).toBe("inactive");
    expect(isAdLive({ ...slot, active: false }, at("2025-07-11T00:00:00Z"))).toBe(false);
  });

  it("treats a missing start or end as open", () => {
    expect(adStatus({ active: true, startsAt: null, endsAt: null }, at("1999-01-01T00:00:00Z"))).toBe("active");
    expect(adStatus({ active: true, startsAt: null, endsAt: ms("2025-01-01T00:00:00Z") }, at("2026-01-01T00:00:00Z"))).toBe(
      "expired",
    );
    expect(adStatus({ active: true, startsAt: ms("2030-01-01T00:00:00Z"), endsAt: null }, at("2026-01-01T00:00:00Z"))).toBe(
      "scheduled",
    );
  });

  it("finds the next start or end of an active slot", () => {
    const slots = [
      slot,
      { active: true, startsAt: ms("2025-07-11T06:00:00Z"), endsAt: null },
      { active: false, startsAt: ms("2025-07-10T12:00:00Z"), endsAt: null },
    ];
    expect(nextScheduleChange(slots, at("2025-07-09T00:00:00Z"))?.toISOString()).toBe("2025-07-10T00:00:00.000Z");
    expect(nextScheduleChange(slots, at("2025-07-10T00:00:00Z"))?.toISOString()).toBe("2025-07-11T06:00:00.000Z");
    expect(nextScheduleChange(slots, at("2025-07-11T07:00:00Z"))?.toISOString()).toBe("2025-07-12T00:00:00.000Z");
    expect(nextScheduleChange(slots, at("2025-07-13T00:00:00Z"))).toBeNull();
  });

  it("counts in UTC daily buckets", () => {
    expect(statsDay(at("2025-07-11T23:59:59Z"))).toBe("2025-07-11");
    expect(statsWindowStart(at("2025-07-11T10:00:00Z"), 7)).toBe("2025-07-05");
    expect(statsWindowStart(at("2025-07-11T10:00:00Z"), 30)).toBe("2025-06-12");
  });
});
