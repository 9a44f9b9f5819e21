import { buildRssFeed } from "@/lib/feeds/rss";
import { getSettings } from "@/lib/site";
import { cachedFeedArticles, xmlCacheHeaders } from "@/lib/feeds/cached";
import { sitePaths } from "@/lib/site-urls";

// Built once and kept in Next's cache until an editorial change expires its tags.
export const dynamic = "force-static";
export const revalidate = 900;

export async function GET() {
  const [site, articles] = await Promise.all([getSettings(), cachedFeedArticles()]);
  const xml = buildRssFeed(
    {
      siteUrl: site.siteUrl,
      siteName: site.siteName,
      language: site.language,
      title: site.siteName,
      description: site.description || `Latest news from ${site.siteName}`,
      path: sitePaths.home,
      feedPath: sitePaths.feed,
    },
    articles,
    new Date(),
  );
  return new Response(xml, { headers: xmlCacheHeaders.feed });
}
