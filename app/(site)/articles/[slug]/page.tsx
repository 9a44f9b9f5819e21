import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/site/article-view";
import { plainText } from "@/lib/markdown";
import { pageMetadata } from "@/lib/seo";
import { getRelatedArticles, lookupArticle } from "@/lib/site";

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
  return pageMetadata({
    title: a.seoTitle || a.title,
    description: a.seoDescription || a.dek || plainText(a.body),
    path: `/articles/${a.slug}`,
    type: "article",
    image: a.heroImage ? { url: a.heroImage, alt: a.heroAlt } : null,
    article: {
      publishedTime: a.publishedAt,
      modifiedTime: a.updatedAt,
      authors: [a.author.name],
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
  const related = await getRelatedArticles(article);
  return <ArticleView article={article} related={related} />;
}
