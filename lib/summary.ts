import { plainText } from "@/lib/markdown";

/** Plain text cut to `max` characters at a word boundary, with an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

/** A summary for feeds, descriptions and structured data: the dek, else the body's opening. */
export function summaryOf(article: { dek: string; body: string }, max = 200): string {
  const dek = article.dek.trim();
  if (dek) return dek;
  return truncateText(plainText(article.body), max);
}
