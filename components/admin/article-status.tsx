import type { ArticleStatus } from "@/db/schema";
import { formatInZone } from "@/lib/time/zoned-time";

/** Status badge; a scheduled article past its time is flagged as late. */
export function ArticleStatusBadge({ status, late }: { status: ArticleStatus; late?: boolean }) {
  if (late) return <span className="badge status-late">Late</span>;
  const label = status === "draft" ? "Draft" : status === "scheduled" ? "Scheduled" : "Published";
  return <span className={`badge status-${status}`}>{label}</span>;
}

export function ZonedTime({ date, zone }: { date: Date | null; zone: string }) {
  if (!date) return <span className="muted">—</span>;
  return <time dateTime={date.toISOString()}>{formatInZone(date, zone)}</time>;
}
