import { TagListing, tagMetadata } from "@/components/site/listing-pages";
import { pageParamOr404, parsePageNumber } from "@/lib/page-number";

type Props = { params: Promise<{ slug: string; n: string }> };

export const revalidate = 300;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props) {
  const { slug, n } = await params;
  const page = parsePageNumber(n);
  return page ? tagMetadata(slug, page) : {};
}

export default async function TagPageN({ params }: Props) {
  const { slug, n } = await params;
  const page = pageParamOr404(n, `/tags/${slug}`);
  return <TagListing slug={slug} page={page} />;
}
