import { and, asc, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { adSlots, type AdPlacement, type AdSlot } from "@/db/schema";
import { preparedOnce } from "./prepared";

const now = sql.placeholder("now");
const active = preparedOnce(() =>
  db
    .select()
    .from(adSlots)
    .where(
      and(
        eq(adSlots.placement, sql.placeholder("placement")),
        eq(adSlots.active, true),
        or(isNull(adSlots.startsAt), lte(adSlots.startsAt, now)),
        or(isNull(adSlots.endsAt), gt(adSlots.endsAt, now)),
      ),
    )
    .orderBy(asc(adSlots.placementIndex), asc(adSlots.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

/** Active slots for a placement whose start/end window contains `now` (at most `limit`). */
export async function listActiveSlotsForPlacement(placement: AdPlacement, at: Date, limit = 10): Promise<AdSlot[]> {
  return active().all({ placement, now: at.getTime(), limit });
}
