import { cachedNewsSitemapArticles, xmlCacheHeaders } from "@/lib/feeds/cached";
import { getSettings } from "@/lib/site";
import { renderNewsSitemap } from "@/lib/feeds/sitemap";

// Short-lived: the 48-hour window moves even when nothing is published.
export const dynamic = "force-static";
export const revalidate = 600;

export async function GET() {
  const [site, articles] = await Promise.all([getSettings(), cachedNewsSitemapArticles()]);
  const xml = await renderNewsSitemap(site, articles);
  return new Response(xml, { headers: xmlCacheHeaders.newsSitemap });
}
