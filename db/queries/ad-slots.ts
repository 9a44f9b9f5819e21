import { and, asc, eq, gt, isNull, lte, or } from "drizzle-orm";
import { db } from "@/db";
import { adSlots, type AdPlacement, type AdSlot } from "@/db/schema";

/** Active slots for a placement whose start/end window contains `now` (at most `limit`). */
export async function listActiveSlotsForPlacement(placement: AdPlacement, now: Date, limit = 10): Promise<AdSlot[]> {
  return db
    .select()
    .from(adSlots)
    .where(
      and(
        eq(adSlots.placement, placement),
        eq(adSlots.active, true),
        or(isNull(adSlots.startsAt), lte(adSlots.startsAt, now)),
        or(isNull(adSlots.endsAt), gt(adSlots.endsAt, now)),
      ),
    )
    .orderBy(asc(adSlots.placementIndex), asc(adSlots.id))
    .limit(limit)
    .all();
}
