import { notFound, permanentRedirect } from "next/navigation";
import type { Metadata } from "next";
import { AdSlots } from "@/components/ads/ad-slot";
import { FrontListAds } from "@/components/ads/front-list-ads";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { loadPageAds } from "@/lib/ads/page-ads";
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import { pageMetadata } from "@/lib/seo";
import { getAuthorPage, getFrontPage, getSettings, getTagPage, lookupAuthor, lookupTag } from "@/lib/site";
import { sitePaths } from "@/lib/site-urls";
import { tagStructuredData } from "@/lib/structured-data";
import { FrontPageStories } from "./front-page";
import { JsonLd } from "./json-ld";
import { ListingHeader } from "./listing-header";
import { StoryList } from "./story";

/**
 * The paginated listings (front page, tag, author). Page 1 lives at the base path; `/page/N`
 * serves N ≥ 2, sends /page/1 to the base path, and answers 404 past the end.
 */
const pageSuffix = (page: number) => (page > 1 ? `, page ${page}` : "");

export async function FrontListing({ page }: { page: number }) {
  const [data, settings] = await Promise.all([getFrontPage(page), getSettings()]);
  if (page > 1 && data.items.length === 0) notFound();
  const ads = await loadPageAds(
    { kind: "front", listLength: data.items.length },
    page === 1 ? ["front-top", "front-list", "sidebar"] : ["front-list"],
  );
  return (
    <div className="container">
      {page === 1 ? <AdSlots slots={ads.at("front-top")} eager /> : null}
      {page === 1 ? (
        <VisuallyHidden as="h1">{`${settings.siteName}: latest news`}</VisuallyHidden>
      ) : (
        <ListingHeader kicker={settings.siteName} title={`Latest news${pageSuffix(page)}`} />
      )}
      {page === 1 ? (
        <FrontPageStories articles={data.items} ads={ads} />
      ) : (
        <StoryList articles={data.items} after={(n) => <FrontListAds ads={ads} afterItem={n} className="story-list-ad" />} />
      )}
      <Pagination basePath="/" page={page} hasPrevious={data.hasPrevious} hasNext={data.hasNext} />
    </div>
  );
}

export function frontMetadata(page: number): Promise<Metadata> {
  return page === 1 ? pageMetadata({ path: "/" }) : pageMetadata({ title: `Latest news${pageSuffix(page)}`, path: pageHref("/", page) });
}

export async function TagListing({ slug, page }: { slug: string; page: number }) {
  const result = await lookupTag(slug);
  if (!result) notFound();
  if ("movedTo" in result) permanentRedirect(pageHref(`/tags/${result.movedTo}`, page));
  const tag = result.found;
  const [data, settings] = await Promise.all([getTagPage(tag, page), getSettings()]);
  if (data.items.length === 0) notFound();
  const base = `/tags/${tag.slug}`;
  const ads = await loadPageAds({ kind: "tag", tagIds: [tag.id] });
  return (
    <div className="container">
      <JsonLd data={tagStructuredData(tag, data.items, settings, pageHref(base, page))} />
      <ListingHeader kicker="Topic" title={`${tag.name}${pageSuffix(page)}`}>
        {tag.description && page === 1 ? <p className="listing-description">{tag.description}</p> : null}
      </ListingHeader>
      <AdSlots slots={ads.at("tag-top")} eager />
      <StoryList articles={data.items} />
      <AdSlots slots={ads.at("sidebar")} />
      <Pagination basePath={base} page={page} hasPrevious={data.hasPrevious} hasNext={data.hasNext} />
    </div>
  );
}

export async function tagMetadata(slug: string, page: number): Promise<Metadata> {
  const result = await lookupTag(slug);
  if (!result || !("found" in result)) return {};
  const tag = result.found;
  return pageMetadata({
    title: `${tag.name}${pageSuffix(page)}`,
    description: tag.description || `The latest news and analysis on ${tag.name}.`,
    path: pageHref(`/tags/${tag.slug}`, page),
    feeds: [{ title: `${tag.name} – RSS`, path: sitePaths.tagFeed(tag.slug) }],
  });
}

export async function AuthorListing({ slug, page }: { slug: string; page: number }) {
  const result = await lookupAuthor(slug);
  if (!result) notFound();
  if ("movedTo" in result) permanentRedirect(pageHref(`/authors/${result.movedTo}`, page));
  const author = result.found;
  const data = await getAuthorPage(author, page);
  if (page > 1 && data.items.length === 0) notFound();
  return (
    <div className="container">
      <ListingHeader kicker="Author" title={`${author.name}${pageSuffix(page)}`}>
        {author.bio && page === 1 ? <p className="listing-description">{author.bio}</p> : null}
      </ListingHeader>
      {data.items.length > 0 ? (
        <section aria-labelledby="author-articles">
          <h2 id="author-articles" className="section-heading">
            Articles by {author.name}
          </h2>
          <StoryList articles={data.items} heading="h3" />
        </section>
      ) : (
        <p className="empty">No articles by {author.name} have been published yet.</p>
      )}
      <Pagination basePath={`/authors/${author.slug}`} page={page} hasPrevious={data.hasPrevious} hasNext={data.hasNext} />
    </div>
  );
}

export async function authorMetadata(slug: string, page: number): Promise<Metadata> {
  const result = await lookupAuthor(slug);
  if (!result || !("found" in result)) return {};
  const author = result.found;
  return pageMetadata({
    title: `${author.name}${pageSuffix(page)}`,
    description: author.bio || `Articles by ${author.name}.`,
    path: pageHref(`/authors/${author.slug}`, page),
    type: "profile",
  });
}
