import { and, eq, ne } from "drizzle-orm";
import type { DB } from "@/db";
import { articles, slugRedirects, tags, type RedirectKind } from "@/db/schema";
import { SLUG_MAX_LENGTH, slugify } from "@/lib/slug";

/**
 * Slug bookkeeping inside a write transaction (synchronous, better-sqlite3): choosing a free
 * slug, refusing a taken one with a message that says who has it, and keeping old slugs as
 * redirects so every address an entity ever had keeps answering.
 */

/** First of `base`, `base-2`, `base-3`, … that `taken` refuses; same rule as lib/slug's uniqueSlug. */
export function freeSlug(base: string, taken: (slug: string) => boolean): string {
  const root = base || "untitled";
  if (!taken(root)) return root;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${root.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/g, "")}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

function redirectOwner(tx: DB, kind: RedirectKind, slug: string): number | null {
  const row = tx
    .select({ targetId: slugRedirects.targetId })
    .from(slugRedirects)
    .where(and(eq(slugRedirects.kind, kind), eq(slugRedirects.fromSlug, slug)))
    .get();
  return row?.targetId ?? null;
}

/** Who holds an article slug other than `selfId`: its current owner, or an article it redirects to. */
export function articleSlugHolder(
  tx: DB,
  slug: string,
  selfId: number | null,
): { id: number; title: string; via: "slug" | "redirect" } | null {
  const current = tx
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(selfId ? and(eq(articles.slug, slug), ne(articles.id, selfId)) : eq(articles.slug, slug))
    .get();
  if (current) return { ...current, via: "slug" };
  const target = redirectOwner(tx, "article", slug);
  if (target !== null && target !== selfId) {
    const row = tx.select({ id: articles.id, title: articles.title }).from(articles).where(eq(articles.id, target)).get();
    if (row) return { ...row, via: "redirect" };
  }
  return null;
}

export function slugCollisionMessage(holder: { title: string; via: "slug" | "redirect" }, noun = "article"): string {
  return holder.via === "slug"
    ? `This slug is already used by the ${noun} “${holder.title}”. Choose another.`
    : `This slug was the address of the ${noun} “${holder.title}” and still redirects there. Choose another.`;
}

/** A free article slug derived from the title (used when the editor leaves the slug empty). */
export function generateArticleSlug(tx: DB, title: string, selfId: number | null): string {
  return freeSlug(slugify(title), (candidate) => articleSlugHolder(tx, candidate, selfId) !== null);
}

export function tagSlugHolder(
  tx: DB,
  slug: string,
  selfId: number | null,
): { id: number; title: string; via: "slug" | "redirect" } | null {
  const current = tx
    .select({ id: tags.id, title: tags.name })
    .from(tags)
    .where(selfId ? and(eq(tags.slug, slug), ne(tags.id, selfId)) : eq(tags.slug, slug))
    .get();
  if (current) return { ...current, via: "slug" };
  const target = redirectOwner(tx, "tag", slug);
  if (target !== null && target !== selfId) {
    const row = tx.select({ id: tags.id, title: tags.name }).from(tags).where(eq(tags.id, target)).get();
    if (row) return { ...row, via: "redirect" };
  }
  return null;
}

/**
 * Records that `fromSlug` now belongs to `targetId` and forgets any redirect from the slug the
 * entity now holds (it answers directly again). Every older redirect already points at the
 * id, so all old addresses reach the current slug in one hop.
 */
export function moveSlug(tx: DB, kind: RedirectKind, targetId: number, fromSlug: string, toSlug: string): void {
  if (fromSlug === toSlug) return;
  tx.insert(slugRedirects)
    .values({ kind, fromSlug, targetId })
    .onConflictDoUpdate({ target: [slugRedirects.kind, slugRedirects.fromSlug], set: { targetId } })
    .run();
  tx.delete(slugRedirects)
    .where(and(eq(slugRedirects.kind, kind), eq(slugRedirects.fromSlug, toSlug)))
    .run();
}

/** Old slugs that redirect to the entity (bounded: used to expire their cached lookups). */
export function redirectSlugsOf(tx: DB, kind: RedirectKind, targetId: number, limit = 200): string[] {
  return tx
    .select({ fromSlug: slugRedirects.fromSlug })
    .from(slugRedirects)
    .where(and(eq(slugRedirects.kind, kind), eq(slugRedirects.targetId, targetId)))
    .limit(limit)
    .all()
    .map((r) => r.fromSlug);
}
