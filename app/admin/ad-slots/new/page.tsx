import type { Metadata } from "next";
import Link from "next/link";
import { AdSlotForm } from "@/components/ads/admin/ad-slot-form";
import { requirePageUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "New ad slot" };

export default async function NewAdSlotPage() {
  await requirePageUser("editor", "/admin/ad-slots/new");
  return (
    <>
      <p>
        <Link href="/admin/ad-slots">← Ad slots</Link>
      </p>
      <h1>New ad slot</h1>
      <AdSlotForm
        submitLabel="Create ad slot"
        initial={{ placement: "article-after-body", width: "728", height: "90", creativeType: "image", active: "on" }}
      />
    </>
  );
}
