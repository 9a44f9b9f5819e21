import type { ArticleStatus } from "@/db/schema";

/** Status badge; a scheduled article past its time is flagged as late. */
export function ArticleStatusBadge({ status, late }: { status: ArticleStatus; late?: boolean }) {
  if (late) return <span className="badge status-late">Late</span>;
  const label = status === "draft" ? "Draft" : status === "scheduled" ? "Scheduled" : "Published";
  return <span className={`badge status-${status}`}>{label}</span>;
}
