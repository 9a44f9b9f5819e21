/**
 * Structured data (schema.org JSON-LD) for articles, tag pages and the front page. Builders take
 * absolute URLs and plain values; `serializeJsonLd` makes the result safe to place inside a
 * <script type="application/ld+json"> element whatever the editors typed.
 */

export type JsonLd = { "@context"?: string; "@type": string; [key: string]: unknown };

/** Google truncates longer headlines; cut at a word boundary with an ellipsis. */
export const HEADLINE_MAX = 110;

export function truncateHeadline(text: string, max = HEADLINE_MAX): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if ([...clean].length <= max) return clean;
  const cut = [...clean].slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

/** ISO 8601 with an explicit `+00:00` offset (what news crawlers ask for), to the second. */
export function isoWithOffset(value: Date | string): string {
  const d = typeof value === "string" ? new Date(value) : value;
  return d.toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

/**
 * JSON for an inline script: `<`, `>` and `&` become \u escapes (so `</script>` or `<!--` in a
 * title cannot end or alter the element), as do U+2028/U+2029, which older parsers treat as
 * line ends. The result parses back to exactly the same value.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export type Publisher = { name: string; url: string; logoUrl: string };

export function organizationJsonLd(p: Publisher): JsonLd {
  return {
    "@type": "Organization",
    name: p.name,
    url: p.url,
    logo: { "@type": "ImageObject", url: p.logoUrl },
  };
}

export type ImageRef = { url: string; width?: number; height?: number; caption?: string };

export type NewsArticleInput = {
  url: string;
  headline: string;
  description: string;
  publishedAt: Date | string;
  modifiedAt: Date | string;
  author: { name: string; url: string };
  publisher: Publisher;
  images: ImageRef[];
  keywords: string[];
  section?: string;
  language?: string;
};

export function newsArticleJsonLd(a: NewsArticleInput): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": a.url },
    url: a.url,
    headline: truncateHeadline(a.headline),
    description: a.description,
    datePublished: isoWithOffset(a.publishedAt),
    dateModified: isoWithOffset(a.modifiedAt),
    author: [{ "@type": "Person", name: a.author.name, url: a.author.url }],
    publisher: organizationJsonLd(a.publisher),
    image: a.images.map((img) => ({
      "@type": "ImageObject",
      url: img.url,
      ...(img.width ? { width: img.width } : {}),
      ...(img.height ? { height: img.height } : {}),
      ...(img.caption ? { caption: img.caption } : {}),
    })),
    keywords: a.keywords,
    ...(a.section ? { articleSection: a.section } : {}),
    ...(a.language ? { inLanguage: a.language } : {}),
  };
}

export function breadcrumbJsonLd(items: { name: string; url: string }[]): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

/** The front page: the site, with a sitelinks search box pointing at /search?q=. */
export function webSiteJsonLd(site: { name: string; url: string; description: string; language?: string }): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.name,
    url: `${site.url}/`,
    description: site.description,
    ...(site.language ? { inLanguage: site.language } : {}),
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${site.url}/search?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

/** A tag listing: the page and the articles it lists, in order. */
export function collectionPageJsonLd(page: {
  url: string;
  name: string;
  description: string;
  siteName: string;
  siteUrl: string;
  items: { name: string; url: string }[];
}): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    "@id": page.url,
    url: page.url,
    name: page.name,
    description: page.description,
    isPartOf: { "@type": "WebSite", name: page.siteName, url: `${page.siteUrl}/` },
    mainEntity: {
      "@type": "ItemList",
      itemListElement: page.items.map((item, i) => ({
        "@type": "ListItem",
        position: i + 1,
        url: item.url,
        name: item.name,
      })),
    },
  };
}
