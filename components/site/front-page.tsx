import { AdSlots } from "@/components/ads/ad-slot";
import { FrontListAds } from "@/components/ads/front-list-ads";
import type { ArticleSummary } from "@/db/queries/articles";
import type { ResolvedAds } from "@/lib/ads/placement";
import { Story, StoryList } from "./story";

/**
 * The front page's first screen, laid out like a broadsheet: the lead story with two stories
 * beneath it, a column of three beside it, then the rest of the page's stories.
 */
export function FrontPageStories({ articles, ads }: { articles: ArticleSummary[]; ads?: ResolvedAds }) {
  const [lead, ...others] = articles;
  if (!lead) return <p className="empty">No stories have been published yet.</p>;
  const beneath = others.slice(0, 2);
  const beside = others.slice(2, 5);
  const rest = others.slice(5);
  // front-list ads count stories in page order (the lead is 1); those after a story of the top
  // block follow the whole block, the others sit in the list after their story.
  const topCount = 1 + beneath.length + beside.length;
  const afterTop = ads ? ads.indexes("front-list").filter((n) => n <= topCount).flatMap((n) => ads.after("front-list", n)) : [];
  return (
    <>
      <section className="front-top" aria-label="Top stories">
        <div className="front-main">
          <div className="front-lead">
            <Story article={lead} variant="lead" />
          </div>
          {beneath.length > 0 ? (
            <div className="front-beneath">
              {beneath.map((a) => (
                <Story key={a.id} article={a} variant="secondary" />
              ))}
            </div>
          ) : null}
        </div>
        {beside.length > 0 ? (
          <div className="front-beside">
            {beside.map((a) => (
              <Story key={a.id} article={a} variant="secondary" />
            ))}
            {ads ? <AdSlots slots={ads.at("sidebar")} /> : null}
          </div>
        ) : null}
      </section>
      <AdSlots slots={afterTop} />
      {rest.length > 0 ? (
        <section className="front-more" aria-labelledby="more-news">
          <h2 id="more-news" className="section-heading">
            More news
          </h2>
          <StoryList
            articles={rest}
            heading="h3"
            startAt={topCount + 1}
            after={ads ? (n) => <FrontListAds ads={ads} afterItem={n} className="story-list-ad" /> : undefined}
          />
        </section>
      ) : null}
    </>
  );
}
