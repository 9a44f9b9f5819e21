import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getArticleForPreview } from "@/db/queries/admin-articles";
import { listRelatedArticles, type ArticleDetail } from "@/db/queries/articles";
import { getMediaByPath } from "@/db/queries/media";
import { ArticleView, loadArticleView } from "@/components/site/article-view";
import { SiteChrome } from "@/components/site/site-chrome";
import { verifyPreviewToken } from "@/lib/preview";
import "../preview.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false, nocache: true } };

/**
 * An article in any status exactly as readers will see it (the public page's components), for
 * holders of a signed, unexpired link to that one article. Never cached.
 */
async function previewHeroSize(url: string | null): Promise<ArticleDetail["heroSize"]> {
  if (!url?.startsWith("/media/")) return null;
  const record = await getMediaByPath(url.slice("/media/".length));
  return record ? { width: record.width, height: record.height } : null;
}

export default async function PreviewPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const check = verifyPreviewToken(token);
  if (!check.ok) notFound();
  const a = await getArticleForPreview(check.articleId);
  if (!a) notFound();
  const now = new Date();
  const article: ArticleDetail = {
    id: a.id,
    slug: a.slug,
    title: a.title,
    dek: a.dek,
    body: a.body,
    // A draft has no publication time yet: show it as if published now.
    publishedAt: (a.status === "draft" ? now : (a.publishedAt ?? now)).toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    heroImage: a.heroImage,
    heroAlt: a.heroAlt,
    heroCaption: a.heroCaption,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    author: a.author,
    tags: a.tags,
    heroSize: await previewHeroSize(a.heroImage),
  };
  const [related, view] = await Promise.all([
    listRelatedArticles(a.id, a.tags.slice(0, 5).map((t) => t.id), now),
    loadArticleView(article),
  ]);
  return (
    <>
      <p className="preview-banner" role="note">
        Preview of a {a.status} article, as readers will see it. This page is not public; the link expires{" "}
        {check.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.
      </p>
      <SiteChrome>
        <ArticleView article={article} related={related} view={view} />
      </SiteChrome>
    </>
  );
}
