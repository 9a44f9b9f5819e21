import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView, loadArticleView } from "@/components/site/article-view";
import { JsonLd } from "@/components/site/json-ld";
import { pageMetadata } from "@/lib/seo";
import { getRelatedArticles, getSettings, lookupArticle } from "@/lib/site";
import { absoluteUrl, sitePaths } from "@/lib/site-urls";
import { articleDescription, articleStructuredData } from "@/lib/structured-data";

type Props = { params: Promise<{ slug: string }> };

export const revalidate = 300;

// Articles render on first visit and are then served from the cache until they change.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props) {
  const result = await lookupArticle((await params).slug);
  if (!result || !("found" in result)) return {};
  const a = result.found;
  const settings = await getSettings();
  return pageMetadata({
    title: a.seoTitle || a.title,
    description: articleDescription(a),
    path: `/articles/${a.slug}`,
    type: "article",
    image: a.heroImage ? { url: a.heroImage, alt: a.heroAlt } : null,
    article: {
      publishedTime: a.publishedAt,
      modifiedTime: a.updatedAt,
      authors: [absoluteUrl(settings.siteUrl, sitePaths.author(a.author.slug))],
      tags: a.tags.map((t) => t.name),
      section: a.tags[0]?.name,
    },
  });
}

export default async function ArticlePage({ params }: Props) {
  const result = await lookupArticle((await params).slug);
  if (!result) notFound();
  if ("movedTo" in result) permanentRedirect(`/articles/${result.movedTo}`);
  const article = result.found;
  const [related, settings, view] = await Promise.all([getRelatedArticles(article), getSettings(), loadArticleView(article)]);
  return (
    <>
      <JsonLd data={articleStructuredData(article, settings)} />
      <ArticleView article={article} related={related} view={view} />
    </>
  );
}
