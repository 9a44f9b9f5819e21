import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTagForEdit } from "@/db/queries/admin-tags";
import { TagDeleteForm } from "@/components/admin/tag-delete-form";
import { TagForm } from "@/components/admin/tag-form";
import { TagMergeForm } from "@/components/admin/tag-merge-form";
import { requirePageUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Edit tag" };

export default async function EditTagPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id: rawId } = await params;
  const search = await searchParams;
  await requirePageUser("editor", `/admin/tags/${encodeURIComponent(rawId)}/edit`);
  const tag = /^\d{1,12}$/.test(rawId) ? await getTagForEdit(Number(rawId)) : null;
  if (!tag) notFound();
  const notice = search.saved ? "Tag saved." : search.merged ? "Tags merged: the articles now carry this tag." : "";
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/tags">Tags</Link> /
      </p>
      <h1>Tag: {tag.name}</h1>
      {notice ? (
        <p className="form-message ok" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        {tag.articles} {tag.articles === 1 ? "article" : "articles"} ·{" "}
        <Link href={`/admin/articles?tag=${encodeURIComponent(tag.slug)}`}>Show them</Link> ·{" "}
        <a href={`/tags/${tag.slug}`} target="_blank" rel="noopener">
          Tag page
        </a>
      </p>
      <section aria-labelledby="rename-heading">
        <h2 id="rename-heading">Name and description</h2>
        <TagForm key={`${tag.id}-${tag.slug}-${tag.name}`} tag={tag} />
      </section>
      <section aria-labelledby="merge-heading">
        <h2 id="merge-heading">Merge into another tag</h2>
        <TagMergeForm id={tag.id} name={tag.name} />
      </section>
      <section aria-labelledby="delete-heading" className="danger-zone">
        <h2 id="delete-heading">Delete</h2>
        <TagDeleteForm id={tag.id} name={tag.name} articles={tag.articles} />
      </section>
    </>
  );
}
