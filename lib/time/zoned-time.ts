/**
 * Editors read and type times in their own time zone; the database stores UTC. The browser sends
 * its IANA zone (e.g. `Europe/Berlin`) with every form, so a `datetime-local` value can be read
 * exactly as the editor meant it, daylight-saving changes included.
 */

export const DEFAULT_TIME_ZONE = "UTC";

/** Cookie the admin pages set from the browser's zone, so server-rendered times read in it. */
export const ZONE_COOKIE = "tz";

/** The zone if the runtime knows it, else UTC (a forged or empty value must not throw). */
export function safeTimeZone(zone: unknown): string {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

function wallClock(date: Date, zone: string) {
  const parts = Object.fromEntries(partsFormatter(zone).formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Milliseconds the zone is ahead of UTC at that instant. */
function zoneOffset(date: Date, zone: string): number {
  const w = wallClock(date, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY = 86_400_000;

/** What a `datetime-local` value means in a zone. */
export type LocalInputReading =
  | { ok: true; date: Date }
  /** `format`: not a real date and time. `skipped`: the clocks jump over it there (`date` is after the jump). */
  | { ok: false; reason: "format" }
  | { ok: false; reason: "skipped"; date: Date };

/**
 * `2025-07-11T14:30` in `zone` → the UTC instant. A wall time that happens twice (clocks going
 * back) is its first occurrence; one that never happens (clocks going forward) is reported.
 */
export function readLocalInput(value: string, zone: string): LocalInputReading {
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return { ok: false, reason: "format" };
  const [year, month, day, hour, minute, second = "0"] = m.slice(1).map((s) => s ?? "0");
  const wall = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  const check = new Date(wall);
  // Date.UTC rolls 2025-02-30 over to March: refuse instead.
  if (check.getUTCMonth() !== +month - 1 || check.getUTCDate() !== +day || +hour > 23 || +minute > 59) {
    return { ok: false, reason: "format" };
  }
  const tz = safeTimeZone(zone);
  // The offsets a day either side cover any change near this wall time; try the earlier first.
  const before = zoneOffset(new Date(wall - DAY), tz);
  const after = zoneOffset(new Date(wall + DAY), tz);
  for (const offset of [before, after]) {
    const instant = wall - offset;
    if (zoneOffset(new Date(instant), tz) === offset) return { ok: true, date: new Date(instant) };
  }
  // In a gap: the old offset still applied, i.e. as far past the jump as the time was past its start.
  return { ok: false, reason: "skipped", date: new Date(wall - before) };
}

/**
 * `2025-07-11T14:30` in `zone` → the UTC instant, or null when the text is not a real date and
 * time. A wall time skipped by a daylight-saving jump resolves to the instant after the jump
 * (02:30 on a night the clocks go from 02:00 to 03:00 is 03:30).
 */
export function localInputToUtc(value: string, zone: string): Date | null {
  const reading = readLocalInput(value, zone);
  return reading.ok || reading.reason === "skipped" ? reading.date : null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The UTC instant as a `datetime-local` value in `zone`. */
export function utcToLocalInput(date: Date, zone: string): string {
  const w = wallClock(date, safeTimeZone(zone));
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * A readable date and time in the editor's zone, e.g. `11 Jul 2025, 14:30 CEST`
 * (`14:30:05 CEST` with seconds, for logs).
 */
export function formatInZone(date: Date, zone: string, { seconds = false }: { seconds?: boolean } = {}): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: safeTimeZone(zone),
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" as const } : {}),
    timeZoneName: "short",
  }).format(date);
}
