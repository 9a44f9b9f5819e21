import {
  breadcrumbJsonLd,
  collectionPageJsonLd,
  newsArticleJsonLd,
  organizationJsonLd,
  webSiteJsonLd,
  type JsonLd,
  type Publisher,
} from "@/lib/json-ld";
import { absoluteUrl, normalizeSiteUrl, sitePaths } from "@/lib/site-urls";
import { summaryOf, truncateText } from "@/lib/summary";

/**
 * The structured data each public page carries, from the page's own data and the site settings.
 * Shapes are structural so the reader pages' query results fit without conversion.
 */
export type SiteInfo = { siteName: string; description: string; siteUrl: string; logoUrl: string; language: string };

/** Shown when an article has no image of its own, and as the publisher's logo by default. */
export const DEFAULT_SHARE_IMAGE = { path: "/og-default.png", width: 1200, height: 630 } as const;
export const DEFAULT_LOGO = { path: "/logo.png", width: 600, height: 60 } as const;

export function publisherOf(site: SiteInfo): Publisher {
  const base = normalizeSiteUrl(site.siteUrl);
  return {
    name: site.siteName,
    url: `${base}/`,
    logoUrl: absoluteUrl(base, site.logoUrl || DEFAULT_LOGO.path),
  };
}

export type ArticleForStructuredData = {
  slug: string;
  title: string;
  seoTitle?: string;
  dek: string;
  seoDescription?: string;
  body: string;
  publishedAt: string;
  updatedAt: string;
  heroImage: string | null;
  heroCaption?: string;
  author: { name: string; slug: string };
  tags: { name: string; slug: string }[];
};

/** The description search engines and social cards show: the SEO description, dek or opening. */
export function articleDescription(a: ArticleForStructuredData, max = 160): string {
  return truncateText(a.seoDescription?.trim() || summaryOf(a, max), max);
}

/** NewsArticle and its BreadcrumbList (Home › first tag › article). */
export function articleStructuredData(a: ArticleForStructuredData, site: SiteInfo): JsonLd[] {
  const base = normalizeSiteUrl(site.siteUrl);
  const url = absoluteUrl(base, sitePaths.article(a.slug));
  const modified = new Date(Math.max(new Date(a.updatedAt).getTime(), new Date(a.publishedAt).getTime()));
  const section = a.tags[0];
  const image = a.heroImage
    ? { url: absoluteUrl(base, a.heroImage), ...(a.heroCaption ? { caption: a.heroCaption } : {}) }
    : { url: absoluteUrl(base, DEFAULT_SHARE_IMAGE.path), width: DEFAULT_SHARE_IMAGE.width, height: DEFAULT_SHARE_IMAGE.height };
  return [
    newsArticleJsonLd({
      url,
      headline: a.seoTitle?.trim() || a.title,
      description: articleDescription(a),
      publishedAt: a.publishedAt,
      modifiedAt: modified,
      author: { name: a.author.name, url: absoluteUrl(base, sitePaths.author(a.author.slug)) },
      publisher: publisherOf(site),
      images: [image],
      keywords: a.tags.map((t) => t.name),
      section: section?.name,
      language: site.language,
    }),
    breadcrumbJsonLd([
      { name: site.siteName, url: `${base}/` },
      ...(section ? [{ name: section.name, url: absoluteUrl(base, sitePaths.tag(section.slug)) }] : []),
      { name: a.title, url },
    ]),
  ];
}

/** CollectionPage listing the tag's articles on this page, and its BreadcrumbList. */
export function tagStructuredData(
  tag: { name: string; slug: string; description: string },
  articles: { title: string; slug: string }[],
  site: SiteInfo,
  pagePath = sitePaths.tag(tag.slug),
): JsonLd[] {
  const base = normalizeSiteUrl(site.siteUrl);
  const tagUrl = absoluteUrl(base, sitePaths.tag(tag.slug));
  return [
    collectionPageJsonLd({
      url: absoluteUrl(base, pagePath),
      name: tag.name,
      description: tag.description || `The latest news and analysis on ${tag.name}.`,
      siteName: site.siteName,
      siteUrl: base,
      items: articles.map((a) => ({ name: a.title, url: absoluteUrl(base, sitePaths.article(a.slug)) })),
    }),
    breadcrumbJsonLd([
      { name: site.siteName, url: `${base}/` },
      { name: "Topics", url: absoluteUrl(base, sitePaths.tags) },
      { name: tag.name, url: tagUrl },
    ]),
  ];
}

/** The front page: the WebSite (with its search box) and the publishing Organization. */
export function frontStructuredData(site: SiteInfo): JsonLd[] {
  const base = normalizeSiteUrl(site.siteUrl);
  return [
    webSiteJsonLd({ name: site.siteName, url: base, description: site.description, language: site.language }),
    { "@context": "https://schema.org", ...organizationJsonLd(publisherOf(site)) },
  ];
}
