import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArticleForEdit, listAuthorOptions } from "@/db/queries/admin-articles";
import { ArticleDeleteForm } from "@/components/admin/article-delete-form";
import { ArticleForm } from "@/components/admin/article-form";
import { ArticleStatusBadge } from "@/components/admin/article-status";
import { ZonedTime } from "@/components/admin/zoned-time";
import { requirePageUser } from "@/lib/auth/guards";
import { editorTimeZone } from "@/lib/time/editor-zone";
import { createPreviewToken } from "@/lib/preview";

export const metadata: Metadata = { title: "Edit article" };

const SAVED: Record<string, string> = {
  save: "Saved.",
  publish: "Published: readers can see it now.",
  schedule: "Scheduled: it will be published at the time shown.",
  unpublish: "Unpublished: readers can no longer see it.",
  restore: "Revision restored as a new version.",
};

export default async function EditArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id: rawId } = await params;
  const search = await searchParams;
  await requirePageUser("editor", `/admin/articles/${encodeURIComponent(rawId)}/edit`);
  const id = /^\d{1,12}$/.test(rawId) ? Number(rawId) : NaN;
  const article = Number.isSafeInteger(id) ? await getArticleForEdit(id) : null;
  if (!article) notFound();
  const [authors, zone] = await Promise.all([listAuthorOptions(), editorTimeZone()]);
  const now = new Date();
  const isPublic = article.status === "published" && article.publishedAt !== null && article.publishedAt <= now;
  const late = article.status === "scheduled" && article.publishedAt !== null && article.publishedAt <= now;
  const preview = createPreviewToken(article.id, { now });
  const saved = typeof search.saved === "string" ? SAVED[search.saved] : undefined;

  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/articles">Articles</Link> /
      </p>
      <h1>Edit article</h1>
      {saved ? (
        <p className="form-message ok" role="status">
          {saved}
        </p>
      ) : null}
      <dl className="article-meta">
        <div>
          <dt>Status</dt>
          <dd>
            <ArticleStatusBadge status={article.status} late={late} />{" "}
            {article.status !== "draft" ? <ZonedTime date={article.publishedAt} zone={zone} /> : null}
            {late ? <span className="late-note"> — past due, waiting for the scheduler</span> : null}
          </dd>
        </div>
        <div>
          <dt>Last saved</dt>
          <dd>
            <ZonedTime date={article.updatedAt} zone={zone} />
            {article.updatedByName ? ` by ${article.updatedByName}` : ""} (version {article.version})
          </dd>
        </div>
        <div>
          <dt>Links</dt>
          <dd className="link-row">
            {isPublic ? (
              <a href={`/articles/${article.slug}`} target="_blank" rel="noopener">
                View on the site
              </a>
            ) : null}
            <a href={`/preview/${preview.token}`} target="_blank" rel="noopener" className="preview-link">
              Preview as readers will see it
            </a>
            <Link href={`/admin/articles/${article.id}/revisions`}>Revisions</Link>
          </dd>
        </div>
      </dl>
      <p className="muted small">
        The preview link works without signing in until <ZonedTime date={preview.expiresAt} zone={zone} />; share it only with people
        who may read this article before it is published.
      </p>
      <ArticleForm
        key={`${article.id}-${article.version}`}
        article={{
          id: article.id,
          version: article.version,
          title: article.title,
          slug: article.slug,
          dek: article.dek,
          body: article.body,
          authorId: article.authorId,
          heroImage: article.heroImage,
          heroAlt: article.heroAlt,
          heroCaption: article.heroCaption,
          seoTitle: article.seoTitle,
          seoDescription: article.seoDescription,
          status: article.status,
          publishedAt: article.publishedAt?.toISOString() ?? null,
          everPublic: article.publishedAt !== null && article.status !== "scheduled",
          tags: article.tags.map(({ id, name }) => ({ id, name })),
        }}
        authors={authors}
        defaultAuthorId={article.authorId}
        timeZone={zone}
      />
      <ArticleDeleteForm id={article.id} title={article.title} />
    </>
  );
}
