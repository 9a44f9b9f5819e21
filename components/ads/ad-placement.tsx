import type { AdPlacement as Placement } from "@/db/schema";
import { getAdSlots } from "@/lib/site";
import { AdSlot } from "./ad-slot";

/** Every active slot for a placement, in order; renders nothing when none is live. */
export async function AdPlacement({ placement }: { placement: Placement }) {
  const slots = await getAdSlots(placement);
  if (slots.length === 0) return null;
  return (
    <div className="ad-placement" data-placement={placement}>
      {slots.map((slot) => (
        <AdSlot key={slot.key} slot={slot} />
      ))}
    </div>
  );
}
