import type { AdPlacement } from "@/db/schema";
import type { AdStatus } from "@/lib/ads/schedule";
import { PLACEMENT_LABELS } from "@/lib/validation/ad-slot";
import styles from "./ad-admin.module.css";

export function placementText(placement: AdPlacement, index: number | null): string {
  if (placement === "article-inline") return `Article: after paragraph ${index ?? "?"}`;
  if (placement === "front-list") return `Front page: after list item ${index ?? "?"}`;
  return PLACEMENT_LABELS[placement];
}

const STATUS_TEXT: Record<AdStatus, string> = {
  active: "Active",
  scheduled: "Scheduled",
  expired: "Expired",
  inactive: "Inactive",
};

export function AdSlotStatusBadge({ status }: { status: AdStatus }) {
  const tone = status === "active" ? styles.statusActive : status === "scheduled" ? styles.statusScheduled : "";
  return <span className={`badge ${styles.status} ${tone}`}>{STATUS_TEXT[status]}</span>;
}
