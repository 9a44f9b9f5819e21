import type { Metadata } from "next";
import Link from "next/link";
import { listAdSlotsWithStats } from "@/db/queries/ad-slots";
import { AdSlotStatusBadge, placementText } from "@/components/ads/admin/ad-slot-labels";
import { EditorZoneCookie } from "@/components/admin/editor-zone-cookie";
import { ZonedTime } from "@/components/admin/zoned-time";
import { flushImpressions } from "@/lib/ads/impressions";
import { adStatus } from "@/lib/ads/schedule";
import { requirePageUser } from "@/lib/auth/guards";
import { editorTimeZone } from "@/lib/time/editor-zone";
import styles from "@/components/ads/admin/ad-admin.module.css";
import { setAdSlotActiveAction } from "./actions";

export const metadata: Metadata = { title: "Ad slots" };

const NOTICES: Record<string, (v: string) => string> = {
  saved: (key) => `Saved ad slot ${key}. Pages showing its placement are updated.`,
  activated: () => "The ad slot is active.",
  deactivated: () => "The ad slot is deactivated: it no longer shows anywhere.",
  deleted: () => "The ad slot was deleted.",
  error: () => "That ad slot does not exist.",
};

export default async function AdSlotsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("editor", "/admin/ad-slots");
  const params = await searchParams;
  const notice = Object.entries(NOTICES)
    .map(([name, text]) => (typeof params[name] === "string" ? text(String(params[name]).slice(0, 64)) : null))
    .find(Boolean);
  const now = new Date();
  // Impressions are written once a second: write this process's latest before counting.
  flushImpressions();
  const [slots, zone] = await Promise.all([listAdSlotsWithStats(now), editorTimeZone()]);
  const fmt = new Intl.NumberFormat("en");
  return (
    <>
      <EditorZoneCookie serverZone={zone} />
      <div className="page-head">
        <h1>Ad slots</h1>
        <Link href="/admin/ad-slots/new" className="button">
          New ad slot
        </Link>
      </div>
      <div aria-live="polite">{notice ? <p role="status" className="form-message ok">{notice}</p> : null}</div>
      {slots.length === 0 ? (
        <p>No ad slots yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <caption>
              Schedules are in {zone}. Impressions and clicks count the last 7 and 30 days (UTC), today included.
            </caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Name</th>
                <th scope="col">Placement</th>
                <th scope="col">Size</th>
                <th scope="col">Status</th>
                <th scope="col">Schedule</th>
                <th scope="col" className={styles.num}>
                  Impressions 7 d
                </th>
                <th scope="col" className={styles.num}>
                  Clicks 7 d
                </th>
                <th scope="col" className={styles.num}>
                  Impressions 30 d
                </th>
                <th scope="col" className={styles.num}>
                  Clicks 30 d
                </th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {slots.map((slot) => {
                const status = adStatus(
                  { active: slot.active, startsAt: slot.startsAt?.getTime() ?? null, endsAt: slot.endsAt?.getTime() ?? null },
                  now,
                );
                return (
                  <tr key={slot.id} data-ad-row={slot.key}>
                    <th scope="row">
                      <code>{slot.key}</code>
                    </th>
                    <td>
                      {slot.name}
                      {slot.tagNames.length > 0 ? (
                        <span className={styles.muted}> · only on {slot.tagNames.slice(0, 3).join(", ")}
                          {slot.tagNames.length > 3 ? ` and ${slot.tagNames.length - 3} more` : ""}
                        </span>
                      ) : null}
                    </td>
                    <td>{placementText(slot.placement, slot.placementIndex)}</td>
                    <td className={styles.nowrap}>
                      {slot.width} × {slot.height}
                    </td>
                    <td>
                      <AdSlotStatusBadge status={status} />
                    </td>
                    <td>
                      <AdSlotSchedule startsAt={slot.startsAt} endsAt={slot.endsAt} zone={zone} />
                    </td>
                    <td className={styles.num}>{fmt.format(slot.impressions7)}</td>
                    <td className={styles.num}>{fmt.format(slot.clicks7)}</td>
                    <td className={styles.num}>{fmt.format(slot.impressions30)}</td>
                    <td className={styles.num}>{fmt.format(slot.clicks30)}</td>
                    <td>
                      <div className={styles.rowActions}>
                        <Link href={`/admin/ad-slots/${slot.id}/edit`} aria-label={`Edit ${slot.key}`}>
                          Edit
                        </Link>
                        <form action={setAdSlotActiveAction}>
                          <input type="hidden" name="id" value={slot.id} />
                          <input type="hidden" name="active" value={slot.active ? "false" : "true"} />
                          <button type="submit" aria-label={`${slot.active ? "Deactivate" : "Activate"} ${slot.key}`}>
                            {slot.active ? "Deactivate" : "Activate"}
                          </button>
                        </form>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function AdSlotSchedule({ startsAt, endsAt, zone }: { startsAt: Date | null; endsAt: Date | null; zone: string }) {
  if (startsAt && endsAt) {
    return (
      <>
        <ZonedTime date={startsAt} zone={zone} /> – <ZonedTime date={endsAt} zone={zone} />
      </>
    );
  }
  if (startsAt) return <>From <ZonedTime date={startsAt} zone={zone} /></>;
  if (endsAt) return <>Until <ZonedTime date={endsAt} zone={zone} /></>;
  return <span className={styles.muted}>Always</span>;
}
