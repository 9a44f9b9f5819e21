import { eq } from "drizzle-orm";
import { slugify } from "@/lib/slug";
import { hashPassword } from "@/lib/auth/password";
import { transaction, type DB } from "../index";
import { adSlots, articles, articleTags, authors, siteSettings, tags, users } from "../schema";
import { DEMO_ARTICLES, DEMO_AUTHORS } from "./demo-articles";
import { loadReferenceArticle } from "./reference-article";

export const DEMO_ACCOUNTS = [
  { email: "admin@example.com", password: "admin-demo-password", name: "Demo Admin", role: "admin" },
  { email: "editor@example.com", password: "editor-demo-password", name: "Demo Editor", role: "editor" },
] as const;

export const REFERENCE_AUTHOR = {
  slug: "foreign-desk",
  name: "Foreign Desk",
  bio: "Dateline's foreign desk covers diplomacy, conflict and international institutions.",
};

const DEFAULT_ADS_TXT = [
  "# ads.txt for this site: authorised sellers of its ad inventory",
  "# example.com, pub-0000000000000000, DIRECT, f08c47fec0942fa0",
].join("\n");

/** Inserts the site settings row if absent. Used by both the demo seed and production setup. */
export function ensureSettings(tx: DB, siteUrl: string, siteName = "Dateline"): void {
  tx.insert(siteSettings)
    .values({
      id: 1,
      siteName,
      description: "Independent reporting on world affairs, the economy, science and culture.",
      siteUrl,
      adsTxt: DEFAULT_ADS_TXT,
      updatedAt: new Date(),
    })
    .onConflictDoNothing()
    .run();
}

function tagIdsFor(tx: DB, names: readonly string[]): number[] {
  return names.map((name) => {
    const slug = slugify(name);
    tx.insert(tags).values({ name, slug }).onConflictDoNothing().run();
    const row = tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug)).get();
    if (!row) throw new Error(`tag ${name} missing after insert`);
    return row.id;
  });
}

function authorIdFor(tx: DB, author: { slug: string; name: string; bio: string }): number {
  tx.insert(authors).values(author).onConflictDoNothing().run();
  return tx.select({ id: authors.id }).from(authors).where(eq(authors.slug, author.slug)).get()!.id;
}

function insertArticle(
  tx: DB,
  a: {
    title: string;
    dek: string;
    body: string;
    status: "draft" | "scheduled" | "published";
    publishedAt: Date | null;
    authorId: number;
    tagNames: readonly string[];
    updatedAt: Date;
  },
): number {
  const slug = slugify(a.title);
  const row = tx
    .insert(articles)
    .values({
      slug,
      title: a.title,
      dek: a.dek,
      body: a.body,
      status: a.status,
      publishedAt: a.publishedAt,
      createdAt: a.publishedAt ?? a.updatedAt,
      updatedAt: a.updatedAt,
      authorId: a.authorId,
    })
    .returning({ id: articles.id })
    .get();
  tagIdsFor(tx, a.tagNames).forEach((tagId, position) => {
    tx.insert(articleTags).values({ articleId: row.id, tagId, position }).run();
  });
  return row.id;
}

export type SeedResult = { seeded: boolean; articles: number };

/**
 * Seeds the demo: settings, two demo accounts, authors, the reference article with its 30 tags
 * and two ad slots, and 48 generated articles (two of them a draft and a scheduled piece).
 * Idempotent: a database that already holds the reference article is left as it is.
 */
export async function seedDemo(options: { now?: Date; siteUrl: string }): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const reference = loadReferenceArticle();
  const referenceSlug = slugify(reference.title);
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));

  return transaction((tx) => {
    ensureSettings(tx, options.siteUrl);
    DEMO_ACCOUNTS.forEach((account, i) => {
      tx.insert(users)
        .values({
          email: account.email,
          name: account.name,
          role: account.role,
          passwordHash: hashes[i],
          demoPassword: true,
        })
        .onConflictDoNothing()
        .run();
    });

    if (tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, referenceSlug)).get()) {
      return { seeded: false, articles: 0 };
    }

    const authorIds = new Map(DEMO_AUTHORS.map((a) => [a.slug, authorIdFor(tx, a)]));
    const referenceAuthorId = authorIdFor(tx, REFERENCE_AUTHOR);

    insertArticle(tx, {
      title: reference.title,
      dek: "",
      body: reference.paragraphs.join("\n\n"),
      status: "published",
      publishedAt: reference.publishedAt,
      updatedAt: reference.publishedAt,
      authorId: referenceAuthorId,
      tagNames: reference.tags,
    });

    DEMO_ARTICLES.forEach((a, i) => {
      const last = i === DEMO_ARTICLES.length - 1;
      const secondLast = i === DEMO_ARTICLES.length - 2;
      const at = new Date(now.getTime() - a.daysAgo * 86_400_000);
      at.setUTCHours(a.hour, (i * 7) % 60, 0, 0);
      if (at > now) at.setTime(now.getTime() - 60_000 * (i + 1));
      const status = last ? "draft" : secondLast ? "scheduled" : "published";
      const publishedAt = last ? null : secondLast ? new Date(now.getTime() + 30 * 86_400_000) : at;
      insertArticle(tx, {
        title: a.title,
        dek: a.dek,
        body: a.paragraphs.join("\n\n"),
        status,
        publishedAt,
        updatedAt: at,
        authorId: authorIds.get(a.author) ?? referenceAuthorId,
        tagNames: a.tags,
      });
    });

    const [afterBody, afterTags] = reference.adSlots;
    tx.insert(adSlots)
      .values([
        {
          key: afterBody,
          name: "Article leaderboard (after body)",
          placement: "article-after-body",
          width: 728,
          height: 90,
          creativeType: "image",
          imageUrl: "/ads/house-leaderboard.svg",
          linkUrl: "https://example.com/subscribe",
          altText: "Subscribe to Dateline: independent reporting, every morning",
          updatedAt: now,
        },
        {
          key: afterTags,
          name: "Article rectangle (after tags)",
          placement: "article-after-tags",
          width: 300,
          height: 250,
          creativeType: "image",
          imageUrl: "/ads/house-rectangle.svg",
          linkUrl: "https://example.com/newsletter",
          altText: "The Dateline briefing: the day's news in five minutes",
          updatedAt: now,
        },
      ])
      .run();

    return { seeded: true, articles: DEMO_ARTICLES.length + 1 };
  });
}
