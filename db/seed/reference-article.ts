import fs from "node:fs";
import path from "node:path";

/**
 * The reference article, parsed from the verbatim copy of the page beside this file. The demo
 * database carries it exactly: headline, date, paragraphs, 30 tags in order, two ad slots.
 */
export const REFERENCE_TAGS = [
  "Russia",
  "Taliban",
  "Afghanistan",
  "International Relations",
  "Geopolitics",
  "Vladimir Putin",
  "Amir Khan Muttaqi",
  "Recognition of Government",
  "Human Rights",
  "Gender Apartheid",
  "UN Security Council",
  "Economic Cooperation",
  "Bilateral Relations",
  "Middle East Politics",
  "Terrorism",
  "Humanitarian Crisis",
  "Foreign Policy",
  "Soviet-Afghan War",
  "International Legitimacy",
  "Regional Security",
  "Diplomatic Relations",
  "Global Politics",
  "Energy Cooperation",
  "Infrastructure Development",
  "Women's Rights",
  "Humanitarian Aid",
  "Sanctions",
  "Geopolitical Dynamics",
  "International Recognition",
  "Cultural Relations",
] as const;

export type ReferenceArticle = {
  title: string;
  dateLine: string;
  publishedAt: Date;
  paragraphs: string[];
  /** Ad slot keys in page order: after the body, then after the tags. */
  adSlots: [string, string];
  tags: readonly string[];
};

export function loadReferenceArticle(
  file = path.join(process.cwd(), "db", "seed", "reference-article.txt"),
): ReferenceArticle {
  const lines = fs.readFileSync(file, "utf8").split(/\r?\n/).map((l) => l.trim());
  const nonEmpty = lines.filter((l) => l.length > 0);
  const [title, dateLine, repeatedTitle] = nonEmpty;
  if (repeatedTitle !== title) throw new Error("reference article: unexpected layout");
  const bodyStart = nonEmpty.indexOf(repeatedTitle, 2) + 1;
  const adIndex = nonEmpty.indexOf("Advertisement", bodyStart);
  const paragraphs = nonEmpty.slice(bodyStart, adIndex);
  const slotKeys = [...nonEmpty.join("\n").matchAll(/Ad slot: ([A-Z0-9_-]+)\)/g)].map((m) => m[1]);
  const tagsLine = nonEmpty[nonEmpty.indexOf("Tags") + 1];
  if (tagsLine !== REFERENCE_TAGS.join("")) throw new Error("reference article: tag list does not match");
  if (slotKeys.length !== 2) throw new Error("reference article: expected two ad slots");
  return {
    title,
    dateLine,
    publishedAt: new Date("2025-07-11T09:00:00Z"),
    paragraphs,
    adSlots: [slotKeys[0], slotKeys[1]],
    tags: REFERENCE_TAGS,
  };
}
