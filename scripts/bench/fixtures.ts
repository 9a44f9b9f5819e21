/**
 * Picks what the bench looks at in the generated newsroom: the reference article, the biggest tag,
 * the busiest author, a common and a rare search word, an ad slot. These are the bench's own look-ups, not
 * page queries, so they may scan.
 */
import { sqlite } from "@/db";
import { loadReferenceArticle } from "@/db/seed/reference-article";
import { slugify } from "@/lib/slug";

export type Fixtures = {
  now: Date;
  referenceSlug: string;
  referenceId: number;
  recentSlug: string;
  bigTag: { id: number; slug: string; name: string; articles: number };
  smallTag: { id: number; slug: string; name: string; articles: number };
  author: { id: number; slug: string; articles: number };
  publishedArticles: number;
  commonWord: string;
  rareWord: string;
  /** An active ad slot (the demo's first, on the reference article): its beacon is load-tested. */
  adKey: string;
};

export function findFixtures(now = new Date()): Fixtures {
  const s = sqlite();
  const referenceSlug = slugify(loadReferenceArticle().title);
  const reference = s.prepare("select id from articles where slug = ?").get(referenceSlug) as { id: number } | undefined;
  if (!reference) throw new Error(`reference article ${referenceSlug} missing from the bench database`);
  const recent = s
    .prepare("select slug from articles where status = 'published' and published_at <= ? order by published_at desc limit 1")
    .get(now.getTime()) as { slug: string };
  const tagCounts = s
    .prepare(
      `select t.id, t.slug, t.name, count(*) as articles from article_tags x join tags t on t.id = x.tag_id
       where x.published_at is not null group by x.tag_id order by articles desc`,
    )
    .all() as Fixtures["bigTag"][];
  const author = s
    .prepare(
      `select a.id, a.slug, count(*) as articles from articles x join authors a on a.id = x.author_id
       where x.status = 'published' group by x.author_id order by articles desc limit 1`,
    )
    .get() as Fixtures["author"];
  const adKey = s.prepare("select key from ad_slots where active = 1 order by id limit 1").pluck().get() as string;
  const publishedArticles = s.prepare("select count(*) from articles where status = 'published'").pluck().get() as number;
  return {
    now,
    referenceSlug,
    referenceId: reference.id,
    recentSlug: recent.slug,
    bigTag: tagCounts[0],
    // A tag from the long tail: a page that fits on one listing.
    smallTag: tagCounts[Math.floor(tagCounts.length * 0.9)] ?? tagCounts[tagCounts.length - 1],
    author,
    publishedArticles,
    // In most generated bodies (the paragraph bank talks about officials constantly) …
    commonWord: "officials",
    // … and in the reference article only.
    rareWord: "Muttaqi",
    adKey,
  };
}
