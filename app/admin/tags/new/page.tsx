import type { Metadata } from "next";
import Link from "next/link";
import { TagForm } from "@/components/admin/tag-form";
import { requirePageUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "New tag" };

export default async function NewTagPage() {
  await requirePageUser("editor", "/admin/tags/new");
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/tags">Tags</Link> /
      </p>
      <h1>New tag</h1>
      <TagForm tag={null} />
    </>
  );
}
