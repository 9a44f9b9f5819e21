import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAdSlotById, getAdSlotCounts } from "@/db/queries/ad-slots";
import { AdSlotStatusBadge, placementText } from "@/components/ads/admin/ad-slot-labels";
import { AdSlotForm } from "@/components/ads/admin/ad-slot-form";
import { flushImpressions } from "@/lib/ads/impressions";
import { adStatus } from "@/lib/ads/schedule";
import { requirePageUser } from "@/lib/auth/guards";
import { editorTimeZone } from "@/lib/time/editor-zone";
import { windowEdgeInput } from "@/lib/validation/ad-slot";
import { deleteAdSlotAction } from "../../actions";

export const metadata: Metadata = { title: "Edit ad slot" };

export default async function EditAdSlotPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  await requirePageUser("editor", `/admin/ad-slots/${encodeURIComponent(raw)}/edit`);
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  const slot = Number.isSafeInteger(id) ? await getAdSlotById(id) : undefined;
  if (!slot) notFound();
  const now = new Date();
  // Impressions are written once a second: write this process's latest before counting.
  flushImpressions();
  const [counts, zone] = await Promise.all([getAdSlotCounts(slot.id, now), editorTimeZone()]);
  const status = adStatus({ active: slot.active, startsAt: slot.startsAt?.getTime() ?? null, endsAt: slot.endsAt?.getTime() ?? null }, now);
  return (
    <>
      <p>
        <Link href="/admin/ad-slots">← Ad slots</Link>
      </p>
      <h1>
        Edit ad slot <code>{slot.key}</code>
      </h1>
      <p>
        <AdSlotStatusBadge status={status} /> {placementText(slot.placement, slot.placementIndex)} · {counts.impressions7} impressions and{" "}
        {counts.clicks7} clicks in the last 7 days; {counts.impressions30} and {counts.clicks30} in the last 30.
      </p>
      <AdSlotForm
        id={slot.id}
        submitLabel="Save ad slot"
        timeZone={zone}
        initial={{
          key: slot.key,
          name: slot.name,
          placement: slot.placement,
          placementIndex: slot.placementIndex === null ? "" : String(slot.placementIndex),
          width: String(slot.width),
          height: String(slot.height),
          creativeType: slot.creativeType,
          imageUrl: slot.imageUrl ?? "",
          linkUrl: slot.linkUrl ?? "",
          altText: slot.altText,
          html: slot.html ?? "",
          active: slot.active ? "on" : "",
          startsAt: windowEdgeInput(slot.startsAt, zone),
          endsAt: windowEdgeInput(slot.endsAt, zone),
          tags: slot.tagNames.join(", "),
        }}
      />
      <form action={deleteAdSlotAction} className="panel" style={{ marginTop: "2rem" }}>
        <h2>Delete</h2>
        <input type="hidden" name="id" value={slot.id} />
        <p>
          <label>
            <input type="checkbox" name="confirm" value="yes" required /> Delete {slot.key} and its counts for good
          </label>
        </p>
        <button type="submit">Delete ad slot</button>
      </form>
    </>
  );
}
