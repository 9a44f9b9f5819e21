import type { Metadata } from "next";
import Link from "next/link";
import { listAuthorOptions } from "@/db/queries/admin-articles";
import { ArticleForm } from "@/components/admin/article-form";
import { requirePageUser } from "@/lib/auth/guards";
import { editorTimeZone } from "@/lib/time/editor-zone";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  const user = await requirePageUser("editor", "/admin/articles/new");
  const [authors, zone] = await Promise.all([listAuthorOptions(), editorTimeZone()]);
  const own = authors.find((a) => a.userId === user.id);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/articles">Articles</Link> /
      </p>
      <h1>New article</h1>
      <ArticleForm article={null} authors={authors} defaultAuthorId={own?.id ?? authors[0]?.id ?? null} timeZone={zone} />
    </>
  );
}
