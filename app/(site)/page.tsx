import { FrontListing, frontMetadata } from "@/components/site/listing-pages";

export const revalidate = 300;

export function generateMetadata() {
  return frontMetadata(1);
}

export default function FrontPage() {
  return <FrontListing page={1} />;
}
