import { buildRssFeed } from "@/lib/feeds/rss";
import { getSettings } from "@/lib/site";
import { cachedTagFeed, xmlCacheHeaders } from "@/lib/feeds/cached";
import { sitePaths } from "@/lib/site-urls";
import { isValidSlug } from "@/lib/slug";

// Rendered on first request for each tag, then cached until the tag or the feeds change.
export const revalidate = 900;
export const dynamicParams = true;

export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const data = isValidSlug(slug) ? await cachedTagFeed(slug) : null;
  if (!data) {
    return new Response("No such tag.\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" },
    });
  }
  const site = await getSettings();
  const xml = buildRssFeed(
    {
      siteUrl: site.siteUrl,
      siteName: site.siteName,
      language: site.language,
      title: `${data.tag.name} – ${site.siteName}`,
      description: data.tag.description || `Latest ${site.siteName} articles tagged ${data.tag.name}`,
      path: sitePaths.tag(data.tag.slug),
      feedPath: sitePaths.tagFeed(data.tag.slug),
    },
    data.articles,
    new Date(),
  );
  return new Response(xml, { headers: xmlCacheHeaders.feed });
}
