import { and, eq, sql } from "drizzle-orm";
import { db, sqlite } from "@/db";
import { slugRedirects, type RedirectKind } from "@/db/schema";
import { preparedOnce } from "./prepared";

const target = preparedOnce(() =>
  db
    .select({ targetId: slugRedirects.targetId })
    .from(slugRedirects)
    .where(and(eq(slugRedirects.kind, sql.placeholder("kind")), eq(slugRedirects.fromSlug, sql.placeholder("fromSlug"))))
    .prepare(),
);

/** The id an old slug now points to, or null when the slug was never renamed away. */
export async function findRedirectTarget(kind: RedirectKind, fromSlug: string): Promise<number | null> {
  return target().get({ kind, fromSlug })?.targetId ?? null;
}

const currentSlug = preparedOnce(() =>
  sqlite().prepare<{ kind: RedirectKind; fromSlug: string }, { slug: string }>(
    `select coalesce(a.slug, t.slug, u.slug) as slug
       from slug_redirects r
       left join articles a on r.kind = 'article' and a.id = r.target_id
       left join tags t on r.kind = 'tag' and t.id = r.target_id
       left join authors u on r.kind = 'author' and u.id = r.target_id
      where r.kind = @kind and r.from_slug = @fromSlug`,
  ),
);

/** The current slug of whatever an old slug was renamed to, or null. One primary-key lookup. */
export async function findCurrentSlug(kind: RedirectKind, fromSlug: string): Promise<string | null> {
  const row = currentSlug().get({ kind, fromSlug });
  return row?.slug && row.slug !== fromSlug ? row.slug : null;
}

const publicArticle = preparedOnce(() =>
  sqlite().prepare<{ slug: string; now: number }, { found: number }>(
    `select 1 as found from articles where slug = @slug and status = 'published' and published_at <= @now`,
  ),
);
const publicTag = preparedOnce(() =>
  sqlite().prepare<{ slug: string }, { found: number }>(`select 1 as found from tags where slug = @slug and published_count > 0`),
);
const publicAuthor = preparedOnce(() =>
  sqlite().prepare<{ slug: string }, { found: number }>(`select 1 as found from authors where slug = @slug`),
);

/**
 * Whether a reader page exists under this slug: a published, due article; a tag with published
 * articles; an author. One lookup on a unique index.
 */
export async function publicSlugExists(kind: RedirectKind, slug: string, now: Date): Promise<boolean> {
  if (kind === "article") return publicArticle().get({ slug, now: now.getTime() }) !== undefined;
  if (kind === "tag") return publicTag().get({ slug }) !== undefined;
  return publicAuthor().get({ slug }) !== undefined;
}

const frontPageRow = preparedOnce(() =>
  sqlite().prepare<{ now: number; offset: number }, { found: number }>(
    `select 1 as found from articles where status = 'published' and published_at <= @now
      order by published_at desc limit 1 offset @offset`,
  ),
);
const tagPageRow = preparedOnce(() =>
  sqlite().prepare<{ slug: string; now: number; offset: number }, { found: number }>(
    `select 1 as found from article_tags x where x.tag_id = (select id from tags where slug = @slug)
        and x.published_at <= @now
      order by x.published_at desc limit 1 offset @offset`,
  ),
);
const authorPageRow = preparedOnce(() =>
  sqlite().prepare<{ slug: string; now: number; offset: number }, { found: number }>(
    `select 1 as found from articles a where a.author_id = (select id from authors where slug = @slug)
        and a.status = 'published' and a.published_at <= @now
      order by a.published_at desc limit 1 offset @offset`,
  ),
);

/**
 * Whether page `page` of a listing (the front page, or a tag's or author's) has any article:
 * the same order and bound as the listing itself, reading one row past the skipped ones.
 */
export async function listingPageExists(
  listing: { kind: "front" } | { kind: "tag" | "author"; slug: string },
  page: number,
  pageSize: number,
  now: Date,
): Promise<boolean> {
  const at = { now: now.getTime(), offset: (page - 1) * pageSize };
  if (listing.kind === "front") return frontPageRow().get(at) !== undefined;
  const statement = listing.kind === "tag" ? tagPageRow() : authorPageRow();
  return statement.get({ ...at, slug: listing.slug }) !== undefined;
}
