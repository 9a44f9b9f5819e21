import { cachedSitemapSource, xmlCacheHeaders } from "@/lib/feeds/cached";
import { getSettings } from "@/lib/site";
import { renderSitemap } from "@/lib/feeds/sitemap";
import { env } from "@/lib/env";

// The XML is cached whole (it can reach 50,000 URLs); editorial changes expire it by tag.
export const dynamic = "force-static";
export const revalidate = 3600;

export async function GET() {
  const site = await getSettings();
  const xml = await renderSitemap({ siteUrl: site.siteUrl, source: cachedSitemapSource, maxUrls: env.SITEMAP_MAX_URLS });
  return new Response(xml, { headers: xmlCacheHeaders.sitemap });
}
