import { Feed } from "feed";
import type { FeedArticle } from "@/db/queries/feeds";
import { renderMarkdown } from "@/lib/markdown";
import { summaryOf } from "@/lib/summary";
import { absoluteUrl, normalizeSiteUrl, sitePaths } from "@/lib/site-urls";

/** Characters XML 1.0 forbids (control characters, lone surrogates, non-characters). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uD800-\uDFFF\p{NChar}]/gu;

export function xmlSafeText(text: string): string {
  return text.replace(INVALID_XML, "");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The feed library wraps titles, descriptions and content in CDATA but splits only the first
 * `]]>`; none may remain. HTML fields lose it by escaping `>`; a plain title gets a zero-width
 * space between `]]` and `>`.
 */
function cdataSafeText(text: string): string {
  return xmlSafeText(text).replace(/\]\]>/g, "]]\u200B>");
}

/** Sanitized article HTML with our own relative links and images made absolute. */
export function feedContentHtml(article: FeedArticle, siteUrl: string): string {
  const hero = article.heroImage
    ? `<p><img src="${escapeHtml(absoluteUrl(siteUrl, article.heroImage))}" alt="${escapeHtml(article.heroAlt)}"></p>`
    : "";
  const body = renderMarkdown(article.body).replace(
    /\b(href|src)="\/(?!\/)/g,
    (_m, attr: string) => `${attr}="${normalizeSiteUrl(siteUrl)}/`,
  );
  // The feed library declares the dc: namespace only for items with content: never leave it empty.
  const html = hero + body || `<p>${escapeHtml(summaryOf(article) || article.title)}</p>`;
  return xmlSafeText(html).replace(/\]\]>/g, "]]&gt;");
}

export type RssChannel = {
  siteUrl: string;
  siteName: string;
  language: string;
  title: string;
  description: string;
  /** Site path of the page the feed mirrors ("/" or "/tags/slug"). */
  path: string;
  /** Site path of the feed itself, for atom:link rel="self". */
  feedPath: string;
};

/**
 * RSS 2.0 with atom:link rel="self", content:encoded and dc:creator. Items carry an absolute
 * link, a guid that survives slug changes (isPermaLink="false"), an RFC 822 pubDate, the
 * summary as escaped HTML, the sanitized body and the article's tags as categories.
 */
export function buildRssFeed(channel: RssChannel, articles: FeedArticle[], now: Date): string {
  const site = normalizeSiteUrl(channel.siteUrl);
  const host = new URL(site).host;
  const newest = articles.reduce<number>(
    (t, a) => Math.max(t, new Date(a.publishedAt).getTime(), new Date(a.updatedAt).getTime()),
    0,
  );
  const feed = new Feed({
    title: xmlSafeText(channel.title),
    description: xmlSafeText(channel.description),
    id: absoluteUrl(site, channel.path),
    link: absoluteUrl(site, channel.path),
    language: channel.language,
    updated: newest ? new Date(newest) : now,
    generator: channel.siteName,
    feedLinks: { rss: absoluteUrl(site, channel.feedPath) },
    copyright: `© ${channel.siteName}`,
    ttl: 15,
  });
  for (const a of articles) {
    const link = absoluteUrl(site, sitePaths.article(a.slug));
    feed.addItem({
      title: cdataSafeText(a.title),
      link,
      guid: `${host}:article:${a.id}`,
      date: new Date(a.publishedAt),
      description: escapeHtml(xmlSafeText(summaryOf(a))),
      content: feedContentHtml(a, site),
      category: a.tags.map((t) => ({ name: xmlSafeText(t.name), domain: absoluteUrl(site, sitePaths.tag(t.slug)) })),
      extensions: [{ name: "dc:creator", objects: { _text: xmlSafeText(a.author.name) } }],
    });
  }
  return feed.rss2();
}
