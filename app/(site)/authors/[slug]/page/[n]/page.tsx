import { AuthorListing, authorMetadata } from "@/components/site/listing-pages";
import { pageParamOr404, parsePageNumber } from "@/lib/page-number";

type Props = { params: Promise<{ slug: string; n: string }> };

export const revalidate = 300;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props) {
  const { slug, n } = await params;
  const page = parsePageNumber(n);
  return page ? authorMetadata(slug, page) : {};
}

export default async function AuthorPageN({ params }: Props) {
  const { slug, n } = await params;
  const page = pageParamOr404(n, `/authors/${slug}`);
  return <AuthorListing slug={slug} page={page} />;
}
