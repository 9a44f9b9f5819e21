import type { MetadataRoute } from "next";
import { getSettings } from "@/lib/site";
import { absoluteUrl, sitePaths } from "@/lib/site-urls";

export const revalidate = 3600;

/** Crawl the public site; keep out of the admin, the API, search results and ad click-throughs. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const site = await getSettings();
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/api", "/search", "/login", "/ads/"] }],
    sitemap: [absoluteUrl(site.siteUrl, sitePaths.sitemap), absoluteUrl(site.siteUrl, sitePaths.newsSitemap)],
  };
}
