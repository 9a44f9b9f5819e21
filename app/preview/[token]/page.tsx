import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getArticleForPreview } from "@/db/queries/admin-articles";
import { renderMarkdown, isSafeUrl } from "@/lib/markdown";
import { verifyPreviewToken } from "@/lib/preview";
import "../preview.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

/** A draft (or any article) as readers will see it, for holders of a signed, unexpired link. */
export default async function PreviewPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const check = verifyPreviewToken(token);
  if (!check.ok) notFound();
  const article = await getArticleForPreview(check.articleId);
  if (!article) notFound();
  const hero = article.heroImage && isSafeUrl(article.heroImage) ? article.heroImage : null;
  return (
    <>
      <p className="preview-banner" role="note">
        Preview of a {article.status} article. Readers cannot see this page.
      </p>
      <main id="main">
        <article className="article container" aria-labelledby="article-title">
          <header className="article-header">
            <h1 id="article-title" className="article-title">
              {article.title}
            </h1>
            {article.dek ? <p className="article-dek">{article.dek}</p> : null}
            <p className="byline-author">By {article.author.name}</p>
          </header>
          {hero ? (
            <figure className="article-hero">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={hero} alt={article.heroAlt} />
              {article.heroCaption ? <figcaption>{article.heroCaption}</figcaption> : null}
            </figure>
          ) : null}
          <div className="article-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(article.body) }} />
          {article.tags.length ? (
            <ul className="tag-list">
              {article.tags.map((t) => (
                <li key={t.id}>{t.name}</li>
              ))}
            </ul>
          ) : null}
        </article>
      </main>
    </>
  );
}
