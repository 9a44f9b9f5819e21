import type { Metadata } from "next";
import Link from "next/link";
import { AdSlotForm } from "@/components/ads/admin/ad-slot-form";
import { requirePageUser } from "@/lib/auth/guards";
import { editorTimeZone } from "@/lib/time/editor-zone";

export const metadata: Metadata = { title: "New ad slot" };

export default async function NewAdSlotPage() {
  await requirePageUser("editor", "/admin/ad-slots/new");
  const zone = await editorTimeZone();
  return (
    <>
      <p>
        <Link href="/admin/ad-slots">← Ad slots</Link>
      </p>
      <h1>New ad slot</h1>
      <AdSlotForm
        submitLabel="Create ad slot"
        timeZone={zone}
        initial={{ placement: "article-after-body", width: "728", height: "90", creativeType: "image", active: "on" }}
      />
    </>
  );
}
