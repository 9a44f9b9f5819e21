import "server-only";
import { unstable_cache } from "next/cache";
import { getCachedPlacementSlots } from "@/db/queries/ad-slots";
import type { AdPlacement } from "@/db/schema";
import { PAGE_PLACEMENTS, resolveAds, secondsUntilScheduleChange, type PageContext, type PublicAdSlot, type ResolvedAds } from "./placement";

/**
 * A cached page that shows ads must be regenerated when one of its slots starts or ends. A data
 * cache entry with that lifetime lowers the page's own revalidation time to match (Next keeps
 * the shortest lifetime among the reads of a page); the entry itself holds nothing.
 */
async function keepFreshUntilScheduleChange(slots: readonly PublicAdSlot[], now: Date): Promise<void> {
  const seconds = secondsUntilScheduleChange(slots, now);
  if (seconds === null) return;
  const at = now.getTime() + seconds * 1000;
  await unstable_cache(async () => at, ["ads-schedule-edge", String(at)], { revalidate: seconds })();
}

/** The ads of the given placements on one page, resolved at `now`. */
export async function loadPageAds(
  context: PageContext,
  placements: readonly AdPlacement[] = PAGE_PLACEMENTS[context.kind],
  now: Date = new Date(),
): Promise<ResolvedAds> {
  const slots = (await Promise.all(placements.map((p) => getCachedPlacementSlots(p)))).flat();
  await keepFreshUntilScheduleChange(slots, now);
  return resolveAds(slots, context, now);
}
