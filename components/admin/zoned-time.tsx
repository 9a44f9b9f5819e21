import { formatInZone } from "@/lib/time/zoned-time";

/** An instant as the editor reads it: in their zone, with the machine-readable UTC value. */
export function ZonedTime({ date, zone, seconds }: { date: Date | null; zone: string; seconds?: boolean }) {
  if (!date) return <span className="muted">—</span>;
  return <time dateTime={date.toISOString()}>{formatInZone(date, zone, { seconds })}</time>;
}
