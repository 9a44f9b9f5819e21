import type { ArticleDetail, ArticleSummary } from "@/db/queries/articles";
import { AdPlacement } from "@/components/ads/ad-placement";
import { ArticleBodyWithAds } from "@/components/ads/article-body-with-ads";
import { FormattedDate } from "@/components/ui/formatted-date";
import { isSafeUrl, renderMarkdown } from "@/lib/markdown";
import { Story } from "./story";
import { TagLinks } from "./tag-links";

/** Shown as "Updated" only when the article changed well after it went out. */
const UPDATE_THRESHOLD_MS = 5 * 60_000;

export function ArticleView({ article, related }: { article: ArticleDetail; related: ArticleSummary[] }) {
  const kicker = article.tags[0];
  const updated = Date.parse(article.updatedAt) - Date.parse(article.publishedAt) > UPDATE_THRESHOLD_MS;
  const tagIds = article.tags.map((t) => t.id);
  const hero = article.heroImage && isSafeUrl(article.heroImage) ? article.heroImage : null;
  return (
    <>
      <article className="article container" aria-labelledby="article-title">
        <header className="article-header">
          {kicker ? (
            <p className="kicker">
              <a href={`/tags/${kicker.slug}`}>{kicker.name}</a>
            </p>
          ) : null}
          <h1 id="article-title" className="article-title">
            {article.title}
          </h1>
          {article.dek ? <p className="article-dek">{article.dek}</p> : null}
          <div className="byline">
            <p className="byline-author">
              By <a href={`/authors/${article.author.slug}`} rel="author">{article.author.name}</a>
            </p>
            <p className="byline-dates">
              <span>
                Published <FormattedDate iso={article.publishedAt} withTime />
              </span>
              {updated ? (
                <span>
                  Updated <FormattedDate iso={article.updatedAt} withTime />
                </span>
              ) : null}
            </p>
          </div>
        </header>

        {hero ? (
          <figure className="article-hero">
            {/* eslint-disable-next-line @next/next/no-img-element -- uploads are already resized on upload */}
            <img src={hero} alt={article.heroAlt} fetchPriority="high" />
            {article.heroCaption ? <figcaption>{article.heroCaption}</figcaption> : null}
          </figure>
        ) : null}

        <ArticleBodyWithAds className="article-body" html={renderMarkdown(article.body)} tagIds={tagIds} />

        <AdPlacement placement="article-after-body" tagIds={tagIds} />

        {article.tags.length > 0 ? (
          <section className="article-tags" aria-labelledby="article-tags-heading">
            <h2 id="article-tags-heading">Tags</h2>
            <TagLinks tags={article.tags} />
          </section>
        ) : null}

        <AdPlacement placement="article-after-tags" tagIds={tagIds} />
      </article>

      {related.length > 0 ? (
        <section className="related container" aria-labelledby="related-heading">
          <h2 id="related-heading" className="section-heading">
            Related coverage
          </h2>
          <ul className="related-list">
            {related.map((r) => (
              <li key={r.id}>
                <Story article={r} heading="h3" variant="compact" showDek={false} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="container">
        <AdPlacement placement="sidebar" page="article" tagIds={tagIds} />
      </div>
    </>
  );
}
