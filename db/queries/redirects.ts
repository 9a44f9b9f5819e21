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
