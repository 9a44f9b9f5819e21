import { cachedSitemapSource, xmlCacheHeaders } from "@/lib/feeds/cached";
import { getSettings } from "@/lib/site";
import { parseSitemapChunkName, renderSitemapChunk } from "@/lib/feeds/sitemap";
import { env } from "@/lib/env";

// /sitemaps/pages-N.xml and /sitemaps/articles-K.xml exist once /sitemap.xml is an index; each is
// rendered on first request, then cached.
export const revalidate = 3600;
export const dynamicParams = true;

export function generateStaticParams(): { file: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = parseSitemapChunkName((await params).file);
  const site = await getSettings();
  const xml =
    file === null
      ? null
      : await renderSitemapChunk(file, { siteUrl: site.siteUrl, source: cachedSitemapSource, maxUrls: env.SITEMAP_MAX_URLS });
  if (xml === null) {
    return new Response("No such sitemap.\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" },
    });
  }
  return new Response(xml, { headers: xmlCacheHeaders.sitemap });
}
