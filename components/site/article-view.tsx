import type { ArticleDetail, ArticleSummary } from "@/db/queries/articles";
import { AdSlots } from "@/components/ads/ad-slot";
import { ArticleBodyWithAds } from "@/components/ads/article-body-with-ads";
import { FormattedDate } from "@/components/ui/formatted-date";
import { loadPageAds } from "@/lib/ads/page-ads";
import type { ResolvedAds } from "@/lib/ads/placement";
import { countTopLevelParagraphs } from "@/lib/ads/split-html";
import { ARTICLE_HERO_SIZES, heroSrcSet } from "@/lib/articles/responsive";
import { isSafeUrl, renderMarkdown } from "@/lib/markdown";
import { Story } from "./story";
import { TagLinks } from "./tag-links";

/** Shown as "Updated" only when the article changed well after it went out. */
const UPDATE_THRESHOLD_MS = 5 * 60_000;

export type ArticleViewData = { html: string; ads: ResolvedAds };

/**
 * The rendered body and every ad of the article page, loaded before rendering: the page then
 * renders in one pass, so the body's copy in the inline RSC payload lands right after the
 * article markup instead of at the end of the document, where gzip (32 KB window) could not see
 * the first copy. Reading the placements tags the page, so a change to its slots regenerates it.
 */
export async function loadArticleView(article: ArticleDetail): Promise<ArticleViewData> {
  const html = renderMarkdown(article.body);
  const ads = await loadPageAds({
    kind: "article",
    tagIds: article.tags.map((t) => t.id),
    paragraphCount: countTopLevelParagraphs(html),
  });
  return { html, ads };
}

export function ArticleView({
  article,
  related,
  view: { html, ads },
}: {
  article: ArticleDetail;
  related: ArticleSummary[];
  view: ArticleViewData;
}) {
  const kicker = article.tags[0];
  const updated = Date.parse(article.updatedAt) - Date.parse(article.publishedAt) > UPDATE_THRESHOLD_MS;
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
            {/* eslint-disable-next-line @next/next/no-img-element -- the media route serves the srcset widths */}
            <img
              src={hero}
              alt={article.heroAlt}
              fetchPriority="high"
              {...(article.heroSize
                ? {
                    srcSet: heroSrcSet(hero, article.heroSize.width),
                    sizes: ARTICLE_HERO_SIZES,
                    width: article.heroSize.width,
                    height: article.heroSize.height,
                  }
                : {})}
            />
            {article.heroCaption ? <figcaption>{article.heroCaption}</figcaption> : null}
          </figure>
        ) : null}

        <ArticleBodyWithAds className="article-body" html={html} ads={ads} />

        <AdSlots slots={ads.at("article-after-body")} />

        {article.tags.length > 0 ? (
          <section className="article-tags" aria-labelledby="article-tags-heading">
            <h2 id="article-tags-heading">Tags</h2>
            <TagLinks tags={article.tags} />
          </section>
        ) : null}

        <AdSlots slots={ads.at("article-after-tags")} />
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
      {ads.at("sidebar").length > 0 ? (
        <div className="container">
          <AdSlots slots={ads.at("sidebar")} />
        </div>
      ) : null}
    </>
  );
}
