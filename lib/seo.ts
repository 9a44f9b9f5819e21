import "server-only";
import type { Metadata } from "next";
import { getSettings } from "@/lib/site";
import { sitePaths } from "@/lib/site-urls";
import { DEFAULT_SHARE_IMAGE } from "@/lib/structured-data";

/**
 * The one metadata helper every public page uses: title from the site's template, description,
 * an absolute canonical URL built from the site URL in settings, Open Graph and Twitter cards,
 * and article fields on article pages.
 */
export type PageMeta = {
  /** Page title; omitted on the front page, which is titled by the site itself. */
  title?: string;
  description?: string;
  /** Path of the canonical URL, e.g. `/articles/some-slug`. */
  path: string;
  type?: "website" | "article" | "profile";
  image?: { url: string; alt: string } | null;
  article?: {
    publishedTime: string;
    modifiedTime: string;
    authors: string[];
    tags: string[];
    section?: string;
  };
  /** For pages that must stay out of search results (search, thin pages). */
  noindex?: boolean;
  /** RSS feeds of this page (a tag's feed), announced beside the site-wide feed. */
  feeds?: { title: string; path: string }[];
};

export const TITLE_SEPARATOR = " | ";

/**
 * How many of an article's tags it announces as Open Graph `article:tag`: the lead ones, in the
 * editor's order. Share cards show none of them and the JSON-LD `keywords` and the page's own tag
 * links carry every tag, while each of these is in the page twice (the head and its RSC payload)
 * and an article may have dozens.
 */
export const OPEN_GRAPH_TAG_LIMIT = 10;

export function openGraphTags(tags: readonly string[]): string[] {
  return tags.slice(0, OPEN_GRAPH_TAG_LIMIT);
}

export function formatTitle(siteName: string, title?: string, tagline?: string): string {
  if (title) return `${title}${TITLE_SEPARATOR}${siteName}`;
  return tagline ? `${siteName}: ${tagline}` : siteName;
}

/** Absolute URL on the configured site for a path or an already absolute URL. */
export function absoluteUrl(siteUrl: string, pathOrUrl: string): string {
  return new URL(pathOrUrl, `${siteUrl}/`).toString();
}

export function truncateDescription(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}

export async function pageMetadata(meta: PageMeta): Promise<Metadata> {
  const settings = await getSettings();
  const title = formatTitle(settings.siteName, meta.title, meta.title ? undefined : settings.description);
  const description = truncateDescription(meta.description || settings.description);
  const url = absoluteUrl(settings.siteUrl, meta.path);
  // Every page shares with an image: the article's own, else the site's default card.
  const images = meta.image
    ? [{ url: absoluteUrl(settings.siteUrl, meta.image.url), alt: meta.image.alt }]
    : [
        {
          url: absoluteUrl(settings.siteUrl, DEFAULT_SHARE_IMAGE.path),
          alt: settings.siteName,
          width: DEFAULT_SHARE_IMAGE.width,
          height: DEFAULT_SHARE_IMAGE.height,
        },
      ];
  const feeds = [{ title: settings.siteName, path: sitePaths.feed }, ...(meta.feeds ?? [])];
  const openGraphBase = {
    title: meta.title ?? settings.siteName,
    description,
    url,
    siteName: settings.siteName,
    locale: settings.language,
    images,
  };
  return {
    metadataBase: new URL(`${settings.siteUrl}/`),
    title: { absolute: title },
    description,
    alternates: {
      canonical: url,
      // Feed autodiscovery: <link rel="alternate" type="application/rss+xml">.
      types: {
        "application/rss+xml": feeds.map((f) => ({ url: absoluteUrl(settings.siteUrl, f.path), title: f.title })),
      },
    },
    robots: meta.noindex
      ? { index: false, follow: true }
      : {
          index: true,
          follow: true,
          "max-image-preview": "large",
          "max-snippet": -1,
          // No separate googlebot tag: Google reads `robots`, and the same directives twice only
          // add weight to every page.
        },
    openGraph:
      meta.type === "article" && meta.article
        ? {
            ...openGraphBase,
            type: "article",
            publishedTime: meta.article.publishedTime,
            modifiedTime: meta.article.modifiedTime,
            authors: meta.article.authors,
            tags: openGraphTags(meta.article.tags),
            section: meta.article.section,
          }
        : meta.type === "profile"
          ? { ...openGraphBase, type: "profile" }
          : { ...openGraphBase, type: "website" },
    twitter: {
      card: "summary_large_image",
      title: meta.title ?? settings.siteName,
      description,
      images: images.map((i) => i.url),
    },
  };
}
