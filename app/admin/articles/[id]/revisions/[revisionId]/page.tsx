import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArticleForEdit } from "@/db/queries/admin-articles";
import { getRevision, revisionTagNames } from "@/db/queries/revisions";
import { ArticleFieldDiff } from "@/components/admin/article-revision-diff";
import { ArticleRestoreForm } from "@/components/admin/article-restore-form";
import { ZonedTime } from "@/components/admin/zoned-time";
import { requirePageUser } from "@/lib/auth/guards";
import { editorTimeZone } from "@/lib/time/editor-zone";

export const metadata: Metadata = { title: "Revision" };

export default async function RevisionPage({ params }: { params: Promise<{ id: string; revisionId: string }> }) {
  const { id: rawId, revisionId } = await params;
  await requirePageUser("editor", `/admin/articles/${encodeURIComponent(rawId)}/revisions`);
  const article = /^\d{1,12}$/.test(rawId) ? await getArticleForEdit(Number(rawId)) : null;
  const revision = article && /^\d{1,12}$/.test(revisionId) ? await getRevision(article.id, Number(revisionId)) : null;
  if (!article || !revision) notFound();
  const zone = await editorTimeZone();
  const isCurrent = revision.version === article.version;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/articles">Articles</Link> / <Link href={`/admin/articles/${article.id}/edit`}>{article.title}</Link> /{" "}
        <Link href={`/admin/articles/${article.id}/revisions`}>Revisions</Link> /
      </p>
      <h1>Version {revision.version}</h1>
      <p>
        Saved <ZonedTime date={revision.createdAt} zone={zone} />
        {revision.userName ? ` by ${revision.userName}` : ""}. Compared with the current version ({article.version}):
      </p>
      <ArticleFieldDiff label="Title" from={revision.title} to={article.title} />
      <ArticleFieldDiff label="Standfirst" from={revision.dek} to={article.dek} />
      <ArticleFieldDiff label="Tags" from={revisionTagNames(revision).join(", ")} to={article.tags.map((t) => t.name).join(", ")} />
      <ArticleFieldDiff label="SEO title" from={revision.seoTitle} to={article.seoTitle} />
      <ArticleFieldDiff label="SEO description" from={revision.seoDescription} to={article.seoDescription} />
      <ArticleFieldDiff label="Body" from={revision.body} to={article.body} lines />
      {isCurrent ? (
        <p>This is the current version.</p>
      ) : (
        <ArticleRestoreForm articleId={article.id} revisionId={revision.id} version={article.version} revisionVersion={revision.version} />
      )}
    </>
  );
}
