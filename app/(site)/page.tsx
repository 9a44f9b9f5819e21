import { JsonLd } from "@/components/site/json-ld";
import { FrontListing, frontMetadata } from "@/components/site/listing-pages";
import { getSettings } from "@/lib/site";
import { frontStructuredData } from "@/lib/structured-data";

export const revalidate = 300;

export function generateMetadata() {
  return frontMetadata(1);
}

export default async function FrontPage() {
  const settings = await getSettings();
  return (
    <>
      <JsonLd data={frontStructuredData(settings)} />
      <FrontListing page={1} />
    </>
  );
}
