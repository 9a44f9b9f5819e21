import { serializeJsonLd, type JsonLd as JsonLdData } from "@/lib/json-ld";

/** Structured data for crawlers; serialised so no field can end the script element early. */
export function JsonLd({ data }: { data: JsonLdData | JsonLdData[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
