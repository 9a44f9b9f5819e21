/**
 * The start/end window of an ad slot. Every function takes the current time as an argument (an
 * injected clock), so the rules are tested without waiting and pages decide "now" once.
 */
export type AdStatus = "active" | "scheduled" | "expired" | "inactive";

export type Schedulable = {
  active: boolean;
  /** Milliseconds since the epoch, or null for "no limit". */
  startsAt: number | null;
  endsAt: number | null;
};

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** The window is half-open: live from `startsAt` (inclusive) until `endsAt` (exclusive). */
export function adStatus(slot: Schedulable, now: Date): AdStatus {
  if (!slot.active) return "inactive";
  const t = now.getTime();
  if (slot.startsAt !== null && t < slot.startsAt) return "scheduled";
  if (slot.endsAt !== null && t >= slot.endsAt) return "expired";
  return "active";
}

export function isAdLive(slot: Schedulable, now: Date): boolean {
  return adStatus(slot, now) === "active";
}

/**
 * The next moment after `now` at which one of these slots starts or ends, so a cached page that
 * shows them can be regenerated then. Null when nothing changes by itself.
 */
export function nextScheduleChange(slots: readonly Schedulable[], now: Date): Date | null {
  const t = now.getTime();
  let next = Infinity;
  for (const slot of slots) {
    if (!slot.active) continue;
    for (const edge of [slot.startsAt, slot.endsAt]) {
      if (edge !== null && edge > t && edge < next) next = edge;
    }
  }
  return Number.isFinite(next) ? new Date(next) : null;
}

/** `YYYY-MM-DD` in UTC: the daily bucket impressions and clicks are counted in. */
export function statsDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The first day of the last `days` days, today included (UTC). */
export function statsWindowStart(now: Date, days: number): string {
  return statsDay(new Date(now.getTime() - (days - 1) * 86_400_000));
}
