/**
 * Public paths and absolute URLs. Absolute URLs start from the site URL in the settings, so
 * feeds, sitemaps, canonicals and structured data name the configured host, never the one a
 * request happened to arrive on.
 */
export const sitePaths = {
  home: "/",
  article: (slug: string) => `/articles/${slug}`,
  tags: "/tags",
  tag: (slug: string) => `/tags/${slug}`,
  tagFeed: (slug: string) => `/tags/${slug}/feed.xml`,
  author: (slug: string) => `/authors/${slug}`,
  search: "/search",
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  sitemapFile: (name: string) => `/sitemaps/${name}`,
  newsSitemap: "/news-sitemap.xml",
} as const;

/**
 * Origin plus path of a configured site URL, without query, fragment or trailing slash; characters
 * that would need escaping inside an XML attribute are percent-encoded. Falls back to `fallback`
 * when the value is not an http(s) URL.
 */
export function normalizeSiteUrl(raw: string, fallback = "http://localhost:3000"): string {
  let url: URL;
  try {
    url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http");
  } catch {
    url = new URL(fallback);
  }
  const path = url.pathname.replace(/\/+$/, "").replace(/&/g, "%26").replace(/'/g, "%27");
  return `${url.origin}${path}`;
}

/** `path` (starting with "/") or an already absolute http(s) URL, made absolute on the site. */
export function absoluteUrl(siteUrl: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  const base = normalizeSiteUrl(siteUrl);
  return path === "/" ? `${base}/` : `${base}${path.startsWith("/") ? path : `/${path}`}`;
}
