import { FrontListing, frontMetadata } from "@/components/site/listing-pages";
import { pageParamOr404, parsePageNumber } from "@/lib/page-number";

type Props = { params: Promise<{ n: string }> };

export const revalidate = 300;

// Rendered on first visit, then served from the cache.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props) {
  const page = parsePageNumber((await params).n);
  return page ? frontMetadata(page) : {};
}

export default async function FrontPageN({ params }: Props) {
  const page = pageParamOr404((await params).n, "/");
  return <FrontListing page={page} />;
}
