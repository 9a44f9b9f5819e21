import { Fragment, type ReactNode } from "react";
import type { ArticleSummary } from "@/db/queries/articles";
import { FormattedDate } from "@/components/ui/formatted-date";

type Heading = "h2" | "h3";

/**
 * One story in a list: kicker (first tag), headline, dek, date and its other tags. Compact
 * stories (related coverage under an article) keep to kicker, headline and date: the article
 * above already lists its topics, and every extra link there is repeated in the page's data.
 */
export function Story({
  article,
  heading: H = "h2",
  variant = "standard",
  showDek = true,
}: {
  article: ArticleSummary;
  heading?: Heading;
  variant?: "lead" | "secondary" | "standard" | "compact";
  showDek?: boolean;
}) {
  const kicker = article.tags[0];
  return (
    <article className={`story story-${variant}`}>
      {kicker ? (
        <p className="kicker">
          <a href={`/tags/${kicker.slug}`}>{kicker.name}</a>
        </p>
      ) : null}
      <H className="story-headline">
        <a href={`/articles/${article.slug}`}>{article.title}</a>
      </H>
      {showDek && article.dek ? <p className="story-dek">{article.dek}</p> : null}
      <p className="story-meta">
        <FormattedDate iso={article.publishedAt} />
        {variant !== "compact" && article.tags.length > 1 ? (
          <>
            <span aria-hidden="true"> · </span>
            <span className="story-tags">
              {article.tags.slice(1).flatMap((t, i) => [
                i > 0 ? ", " : null,
                <a key={t.slug} href={`/tags/${t.slug}`}>
                  {t.name}
                </a>,
              ])}
            </span>
          </>
        ) : null}
      </p>
    </article>
  );
}

export function StoryList({
  articles,
  heading = "h2",
  after,
  startAt = 1,
}: {
  articles: ArticleSummary[];
  heading?: Heading;
  /** Extra list items after the story at `position` (from `startAt`), e.g. front-list ads. */
  after?: (position: number) => ReactNode;
  startAt?: number;
}) {
  return (
    <ol className="story-list">
      {articles.map((a, i) => (
        <Fragment key={a.id}>
          <li>
            <Story article={a} heading={heading} />
          </li>
          {after?.(startAt + i)}
        </Fragment>
      ))}
    </ol>
  );
}
