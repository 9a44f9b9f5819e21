import { XMLParser, XMLValidator } from "fast-xml-parser";

// Test-only: feeds and sitemaps read back as objects, with the elements that repeat always arrays.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name) => ["item", "category", "url", "sitemap"].includes(name),
});

/** Parses XML strictly: a malformed document fails the test instead of parsing leniently. */
export function parseXml(xml: string) {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`invalid XML: ${JSON.stringify(valid.err)}`);
  return parser.parse(xml);
}
