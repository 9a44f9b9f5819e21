/**
 * Builds the newsroom-sized database the benchmark measures: 100,000 published articles (plus
 * drafts and scheduled pieces), 2,000 tags on a Zipf-like curve, 200 authors and 20 ad slots.
 *
 * The data goes in through the application's own schema and migrations, triggers included
 * (article_tags.published_at and the FTS5 index are maintained exactly as they are for editors),
 * in one transaction with prepared statements.
 */
import fs from "node:fs";
import { closeDb, runMigrations, sqlite } from "@/db";
import { seedDemo } from "@/db/seed";
import { HEADLINE_PARTS, PARAGRAPH_BANK } from "@/db/seed/demo-articles";
import { slugify } from "@/lib/slug";
import { intBetween, pick, rng, zipf } from "./random";

export const NEWSROOM = {
  /** Bumped whenever the generated data changes shape, so an old bench database is rebuilt. */
  version: 1,
  publishedArticles: Number(process.env.BENCH_ARTICLES ?? 100_000),
  drafts: 400,
  scheduled: 100,
  tags: 2_000,
  authors: 200,
  adSlots: 20,
  /** A breaking-news surge: more than the News sitemap's cap of 1,000 in the last 48 hours. */
  last48h: 1_200,
  years: 6,
};

export type NewsroomStats = {
  version: number;
  generatedAt: string;
  seconds: number;
  bytes: number;
  counts: Record<string, number>;
};

const PLACES = [
  "Afghanistan", "Argentina", "Australia", "Austria", "Bangladesh", "Belgium", "Bolivia", "Brazil",
  "Canada", "Chile", "China", "Colombia", "Denmark", "Egypt", "Ethiopia", "Finland", "France",
  "Germany", "Ghana", "Greece", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy",
  "Japan", "Jordan", "Kenya", "Lebanon", "Malaysia", "Mexico", "Morocco", "Nepal", "Netherlands",
  "New Zealand", "Nigeria", "Norway", "Pakistan", "Peru", "Philippines", "Poland", "Portugal",
  "Qatar", "Romania", "Saudi Arabia", "Senegal", "Singapore", "South Africa", "South Korea",
  "Spain", "Sri Lanka", "Sudan", "Sweden", "Switzerland", "Syria", "Taiwan", "Tanzania",
  "Thailand", "Tunisia", "Turkey", "Uganda", "Ukraine", "United Kingdom", "United States",
  "Uruguay", "Venezuela", "Vietnam", "Yemen", "Zambia", "Zimbabwe",
];
const TOPICS = [
  "Politics", "Economy", "Elections", "Trade", "Energy", "Climate", "Health", "Education",
  "Transport", "Technology", "Agriculture", "Housing", "Courts", "Defence", "Diplomacy",
  "Migration", "Labour", "Banking", "Budget", "Infrastructure", "Culture", "Sport", "Football",
  "Tourism", "Media", "Science", "Water", "Wildlife", "Mining", "Shipping",
];
const FIRST_NAMES = [
  "Amara", "Ben", "Carla", "Dmitri", "Elif", "Farah", "Gabriel", "Hana", "Ines", "Jonas", "Kofi",
  "Lucia", "Mateo", "Nadia", "Oskar", "Paula", "Quentin", "Rosa", "Samir", "Tara", "Umar", "Vera",
];
const LAST_NAMES = [
  "Adeyemi", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Haddad", "Ito", "Jensen",
  "Kowalski", "Lindgren", "Moreau", "Nakamura", "Ortiz", "Petrov", "Quinn", "Rossi", "Silva",
  "Tanaka", "Usman", "Varga",
];
const PLACEMENTS = [
  ["front-top", null, 970, 90],
  ["front-list", 5, 728, 90],
  ["tag-top", null, 728, 90],
  ["sidebar", null, 300, 600],
  ["article-inline", 3, 300, 250],
  ["article-after-body", null, 728, 90],
  ["article-after-tags", null, 300, 250],
] as const;

/** Names of 2,000 tags: those the demo already has first, then "<Place> <Topic>" pairs. */
function tagNames(existing: string[]): string[] {
  const names = [...existing];
  const seen = new Set(existing.map((n) => slugify(n)));
  const add = (name: string) => {
    const slug = slugify(name);
    if (names.length < NEWSROOM.tags && !seen.has(slug)) {
      seen.add(slug);
      names.push(name);
    }
  };
  PLACES.forEach(add);
  TOPICS.forEach(add);
  for (const topic of TOPICS) for (const place of PLACES) add(`${place} ${topic}`);
  if (names.length < NEWSROOM.tags) throw new Error(`only ${names.length} tag names`);
  return names;
}

export function readStats(file: string): NewsroomStats | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as NewsroomStats;
  } catch {
    return undefined;
  }
}

/** Counts that decide whether an existing bench database can be reused. */
export function countNewsroom(): Record<string, number> {
  const s = sqlite();
  const one = (q: string) => (s.prepare(q).pluck().get() as number) ?? 0;
  return {
    publishedArticles: one("select count(*) from articles where status = 'published'"),
    articles: one("select count(*) from articles"),
    tags: one("select count(*) from tags"),
    authors: one("select count(*) from authors"),
    adSlots: one("select count(*) from ad_slots"),
    articleTags: one("select count(*) from article_tags"),
  };
}

export function matchesNewsroom(counts: Record<string, number>): boolean {
  return (
    counts.publishedArticles === NEWSROOM.publishedArticles &&
    counts.tags === NEWSROOM.tags &&
    counts.authors === NEWSROOM.authors &&
    counts.adSlots === NEWSROOM.adSlots
  );
}

/** Fills an empty, migrated database; returns when everything is committed. */
export async function generateNewsroom(options: {
  siteUrl: string;
  now?: Date;
  log?: (line: string) => void;
}): Promise<Omit<NewsroomStats, "bytes" | "generatedAt" | "version">> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const started = performance.now();
  runMigrations();
  // The demo seed brings the reference article, demo accounts and its two ad slots.
  await seedDemo({ siteUrl: options.siteUrl, now });
  const s = sqlite();
  const random = rng(20250711);

  const existingTags = s.prepare("select name from tags order by id").pluck().all() as string[];
  const existingAuthors = s.prepare("select count(*) from authors").pluck().get() as number;
  const existingPublished = s
    .prepare("select count(*) from articles where status = 'published'")
    .pluck()
    .get() as number;
  const existingSlots = s.prepare("select count(*) from ad_slots").pluck().get() as number;
  const slugs = new Set(s.prepare("select slug from articles").pluck().all() as string[]);

  const insertTag = s.prepare("insert into tags (name, slug) values (?, ?)");
  const insertAuthor = s.prepare("insert into authors (slug, name, bio) values (?, ?, ?)");
  const insertArticle = s.prepare(
    `insert into articles (slug, title, dek, body, status, published_at, created_at, updated_at, author_id)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setArticleText = s.prepare("update articles set dek = ?, body = ? where id = ?");
  const insertArticleTag = s.prepare("insert into article_tags (article_id, tag_id, position) values (?, ?, ?)");
  const insertSlot = s.prepare(
    `insert into ad_slots (key, name, placement, placement_index, width, height, creative_type, image_url,
       link_url, alt_text, html, active, starts_at, ends_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSlotTag = s.prepare("insert into ad_slot_tags (slot_id, tag_id) values (?, ?)");

  const bulk = s.transaction(() => {
    // Tags: rank order is shuffled so the most used tags are a mix of demo and generated ones.
    const names = tagNames(existingTags);
    for (const name of names.slice(existingTags.length)) insertTag.run(name, slugify(name));
    const tagIds = s.prepare("select id from tags order by id").pluck().all() as number[];
    const byRank = [...tagIds];
    for (let i = byRank.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [byRank[i], byRank[j]] = [byRank[j], byRank[i]];
    }

    const fullNames: string[] = [];
    for (const last of LAST_NAMES) for (const first of FIRST_NAMES) fullNames.push(`${first} ${last}`);
    for (let i = 0; fullNames.length && i < NEWSROOM.authors - existingAuthors; i++) {
      const name = fullNames[(i * 37) % fullNames.length];
      const slug = `${slugify(name)}-${i + 1}`;
      insertAuthor.run(slug, name, `${name} reports for Dateline. ${pick(random, PARAGRAPH_BANK).slice(0, 160)}`);
    }
    const authorIds = s.prepare("select id from authors order by id").pluck().all() as number[];
    log(`  tags ${tagIds.length}, authors ${authorIds.length}`);

    // Publication times, oldest first so ids grow with time as they do in a real archive.
    const published = NEWSROOM.publishedArticles - existingPublished;
    const nowMs = now.getTime();
    const span = NEWSROOM.years * 365 * 86_400_000;
    const times: number[] = [];
    for (let i = 0; i < published; i++) {
      times.push(
        i < NEWSROOM.last48h
          ? nowMs - 60_000 - Math.floor(random() * 47 * 3_600_000)
          : nowMs - 48 * 3_600_000 - Math.floor(random() * span),
      );
    }
    times.sort((a, b) => a - b);
    type Row = { status: "published" | "draft" | "scheduled"; at: number | null; updated: number };
    const rows: Row[] = times.map((at) => ({
      status: "published",
      at,
      // One in five articles is updated after publication.
      updated: random() < 0.2 ? Math.min(nowMs - 1_000, at + Math.floor(random() * 3 * 86_400_000)) : at,
    }));
    for (let i = 0; i < NEWSROOM.drafts; i++) rows.push({ status: "draft", at: null, updated: nowMs - Math.floor(random() * 30 * 86_400_000) });
    for (let i = 0; i < NEWSROOM.scheduled; i++)
      rows.push({ status: "scheduled", at: nowMs + 3_600_000 + Math.floor(random() * 14 * 86_400_000), updated: nowMs - 86_400_000 });

    const tagRank = zipf(random, byRank.length, 1.0);
    const authorRank = zipf(random, authorIds.length, 0.6);
    const { subjects, verbs, objects } = HEADLINE_PARTS;
    let articleTagRows = 0;
    rows.forEach((row, i) => {
      let title = `${pick(random, subjects)} ${pick(random, verbs)} ${pick(random, objects)}`;
      if (random() < 0.4) title += ` in ${pick(random, PLACES)}`;
      const base = slugify(title);
      let slug = base;
      for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
      slugs.add(slug);
      const paragraphs: string[] = [];
      const count = intBetween(random, 3, 15);
      while (paragraphs.length < count) {
        const p = pick(random, PARAGRAPH_BANK);
        if (paragraphs[paragraphs.length - 1] !== p) paragraphs.push(p);
      }
      const dek = pick(random, PARAGRAPH_BANK).split(/(?<=\.)\s/)[0];
      const created = row.at ?? row.updated;
      // The text goes in after the tags: each tag link rewrites the article's full-text row
      // (trigger article_tags_fts_insert), which costs little while the body is still empty.
      // The end state is the same as inserting it all at once, and every trigger still runs.
      const { lastInsertRowid } = insertArticle.run(
        slug, title, "", "", row.status, row.at, Math.min(created, row.updated), row.updated, authorIds[authorRank()],
      );
      const chosen = new Set<number>();
      const tagCount = intBetween(random, 2, 8);
      while (chosen.size < tagCount) chosen.add(byRank[tagRank()]);
      let position = 0;
      for (const tagId of chosen) insertArticleTag.run(lastInsertRowid, tagId, position++);
      setArticleText.run(dek, paragraphs.join("\n\n"), lastInsertRowid);
      articleTagRows += chosen.size;
      if ((i + 1) % 20_000 === 0) log(`  articles ${i + 1} / ${rows.length} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    });

    for (let i = existingSlots; i < NEWSROOM.adSlots; i++) {
      const [placement, index, width, height] = PLACEMENTS[i % PLACEMENTS.length];
      const html = i % 6 === 5;
      const { lastInsertRowid } = insertSlot.run(
        `BENCH_SLOT_${String(i + 1).padStart(2, "0")}`, `Bench ${placement} ${i + 1}`, placement, index, width, height,
        html ? "html" : "image", html ? null : "/ads/house-rectangle.svg", html ? null : "https://example.com/subscribe",
        html ? "" : "House advertisement", html ? "<p>Sponsored</p>" : null,
        // Some slots are off, finished or targeted, as in a real ad book.
        i % 7 === 6 ? 0 : 1, null, i % 9 === 8 ? nowMs - 86_400_000 : null, nowMs,
      );
      if (i % 5 === 4) insertSlotTag.run(lastInsertRowid, byRank[i % 50]);
    }
    return articleTagRows;
  });
  const articleTagRows = bulk.immediate();
  log(`  inserted, ${articleTagRows} tag links`);
  // No ANALYZE here: the bench measures the planner with whatever statistics the app itself keeps.
  s.pragma("wal_checkpoint(TRUNCATE)");
  const counts = countNewsroom();
  closeDb();
  return { seconds: (performance.now() - started) / 1000, counts };
}
