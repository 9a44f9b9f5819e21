import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { transaction, type DB } from "@/db";
import { articles, articleTags, authors, slugRedirects, tags, type Tag } from "@/db/schema";
import { slugify } from "@/lib/slug";
import type { TagInput } from "@/lib/validation/tag";
import type { TagRef } from "@/lib/validation/article";
import { recordAuditTx } from "@/lib/audit";
import type { Editor } from "./write";
import { freeSlug, moveSlug, redirectSlugsOf, slugCollisionMessage, tagSlugHolder } from "./slugs";

/** What readers can see change when a tag changes: its pages and the published articles carrying it. */
export type TagChange = { tagSlugs: string[]; articleIds: number[]; authorSlugs: string[] };

export type TagWriteResult =
  | { ok: true; tag: Pick<Tag, "id" | "name" | "slug">; change: TagChange }
  | { ok: false; errors: Record<string, string[]>; message: string };

/** Published articles carrying the tag (their pages list the tag by name and link its slug). */
const AFFECTED_LIMIT = 10_000;
function publishedCarriers(tx: DB, tagIds: number[]): { articleIds: number[]; authorSlugs: string[] } {
  if (tagIds.length === 0) return { articleIds: [], authorSlugs: [] };
  const rows = tx
    .select({ id: articleTags.articleId, authorSlug: authors.slug })
    .from(articleTags)
    .innerJoin(articles, eq(articles.id, articleTags.articleId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(and(inArray(articleTags.tagId, tagIds), isNotNull(articleTags.publishedAt)))
    .limit(AFFECTED_LIMIT)
    .all();
  return { articleIds: [...new Set(rows.map((r) => r.id))], authorSlugs: [...new Set(rows.map((r) => r.authorSlug))] };
}

function findTagByNameOrSlug(tx: DB, text: string): Pick<Tag, "id" | "name" | "slug"> | undefined {
  const cols = { id: tags.id, name: tags.name, slug: tags.slug };
  const slug = slugify(text);
  return (
    tx.select(cols).from(tags).where(eq(tags.slug, slug)).get() ??
    tx.select(cols).from(tags).where(sql`lower(${tags.name}) = lower(${text})`).get() ??
    (() => {
      // A renamed or merged tag: its old name leads to the tag it became.
      const redirect = tx
        .select({ targetId: slugRedirects.targetId })
        .from(slugRedirects)
        .where(and(eq(slugRedirects.kind, "tag"), eq(slugRedirects.fromSlug, slug)))
        .get();
      return redirect ? tx.select(cols).from(tags).where(eq(tags.id, redirect.targetId)).get() : undefined;
    })()
  );
}

/**
 * The tags an article form chose, in order: ids must exist; new names reuse a tag with the same
 * slug or name (or the tag an old name now redirects to) and create the rest.
 */
export function resolveTagRefs(
  tx: DB,
  refs: TagRef[],
): { ok: true; tags: Pick<Tag, "id" | "name" | "slug">[] } | { ok: false; error: string } {
  const out: Pick<Tag, "id" | "name" | "slug">[] = [];
  const ids = refs.flatMap((r) => (r.kind === "id" ? [r.id] : []));
  const known = new Map(
    (ids.length
      ? tx.select({ id: tags.id, name: tags.name, slug: tags.slug }).from(tags).where(inArray(tags.id, ids)).all()
      : []
    ).map((t) => [t.id, t]),
  );
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) {
    return {
      ok: false,
      error: `Unknown tag${unknown.length > 1 ? "s" : ""} (id ${unknown.join(", ")}): it may have been deleted. Remove it and choose again.`,
    };
  }
  for (const ref of refs) {
    if (ref.kind === "id") out.push(known.get(ref.id)!);
    else {
      const existing = findTagByNameOrSlug(tx, ref.name);
      if (existing) out.push(existing);
      else {
        const slug = freeSlug(slugify(ref.name), (s) => tagSlugHolder(tx, s, null) !== null);
        out.push(tx.insert(tags).values({ name: ref.name, slug }).returning({ id: tags.id, name: tags.name, slug: tags.slug }).get());
      }
    }
  }
  const seen = new Set<number>();
  return { ok: true, tags: out.filter((t) => !seen.has(t.id) && seen.add(t.id)) };
}

function nameTaken(tx: DB, name: string, selfId: number | null): string | null {
  const row = tx
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(sql`lower(${tags.name}) = lower(${name})`)
    .get();
  return row && row.id !== selfId ? row.name : null;
}

export async function createTag(input: TagInput, actor: Editor): Promise<TagWriteResult> {
  return transaction((tx): TagWriteResult => {
    const clash = nameTaken(tx, input.name, null);
    if (clash) return { ok: false, errors: { name: [`A tag named “${clash}” already exists.`] }, message: "The tag was not created." };
    let slug = input.slug;
    if (slug) {
      const holder = tagSlugHolder(tx, slug, null);
      if (holder) return { ok: false, errors: { slug: [slugCollisionMessage(holder, "tag")] }, message: "The tag was not created." };
      tx.delete(slugRedirects).where(and(eq(slugRedirects.kind, "tag"), eq(slugRedirects.fromSlug, slug))).run();
    } else {
      slug = freeSlug(slugify(input.name), (s) => tagSlugHolder(tx, s, null) !== null);
    }
    const tag = tx
      .insert(tags)
      .values({ name: input.name, slug, description: input.description })
      .returning({ id: tags.id, name: tags.name, slug: tags.slug })
      .get();
    recordAuditTx(tx, {
      user: actor,
      ip: actor.ip,
      action: "tag.create",
      entityType: "tag",
      entityId: tag.id,
      summary: `Created tag “${tag.name}” (${tag.slug})`,
    });
    // A new tag has no published articles yet; only a cached "no such tag" answer may need expiring.
    return { ok: true, tag, change: { tagSlugs: [slug], articleIds: [], authorSlugs: [] } };
  });
}

/** Rename (name and/or slug) and describe; the old slug keeps answering with a 301. */
export async function updateTag(id: number, input: TagInput, actor: Editor): Promise<TagWriteResult> {
  return transaction((tx): TagWriteResult => {
    const current = tx.select().from(tags).where(eq(tags.id, id)).get();
    if (!current) return { ok: false, errors: {}, message: "This tag no longer exists." };
    const clash = nameTaken(tx, input.name, id);
    if (clash) return { ok: false, errors: { name: [`A tag named “${clash}” already exists. Merge into it instead.`] }, message: "The tag was not saved." };
    const slug = input.slug || current.slug;
    if (slug !== current.slug) {
      const holder = tagSlugHolder(tx, slug, id);
      if (holder) return { ok: false, errors: { slug: [slugCollisionMessage(holder, "tag")] }, message: "The tag was not saved." };
    }
    tx.update(tags).set({ name: input.name, slug, description: input.description }).where(eq(tags.id, id)).run();
    moveSlug(tx, "tag", id, current.slug, slug);
    const changes: string[] = [];
    if (current.name !== input.name) changes.push(`renamed “${current.name}” to “${input.name}”`);
    if (current.slug !== slug) changes.push(`slug ${current.slug} → ${slug}`);
    if (current.description !== input.description) changes.push("description changed");
    recordAuditTx(tx, {
      user: actor,
      ip: actor.ip,
      action: "tag.update",
      entityType: "tag",
      entityId: id,
      summary: `Tag “${input.name}”: ${changes.join(", ") || "no change"}`,
    });
    const visible = current.name !== input.name || current.slug !== slug;
    const carriers = visible ? publishedCarriers(tx, [id]) : { articleIds: [], authorSlugs: [] };
    return {
      ok: true,
      tag: { id, name: input.name, slug },
      change: { tagSlugs: [...new Set([current.slug, slug, ...redirectSlugsOf(tx, "tag", id)])], ...carriers },
    };
  });
}

/**
 * Moves every article of `sourceId` to `target` (keeping each article's tag order and skipping
 * articles that already carry the target), deletes the source and redirects its slugs there.
 */
export async function mergeTags(sourceId: number, targetText: string, actor: Editor): Promise<TagWriteResult> {
  return transaction((tx): TagWriteResult => {
    const source = tx.select().from(tags).where(eq(tags.id, sourceId)).get();
    if (!source) return { ok: false, errors: {}, message: "This tag no longer exists." };
    const target = findTagByNameOrSlug(tx, targetText);
    if (!target) return { ok: false, errors: { target: [`There is no tag named “${targetText}”.`] }, message: "Nothing was merged." };
    if (target.id === source.id) return { ok: false, errors: { target: ["Choose a different tag to merge into."] }, message: "Nothing was merged." };

    const carriers = publishedCarriers(tx, [source.id, target.id]);
    const oldRedirects = redirectSlugsOf(tx, "tag", source.id);
    // Articles that carry only the source take the target at the source's position.
    tx.run(sql`
      INSERT INTO article_tags (article_id, tag_id, position)
      SELECT s.article_id, ${target.id}, s.position FROM article_tags s
      WHERE s.tag_id = ${source.id}
        AND NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = s.article_id AND t.tag_id = ${target.id})
    `);
    const moved = tx.select({ n: sql<number>`count(*)` }).from(articleTags).where(eq(articleTags.tagId, source.id)).get()?.n ?? 0;
    tx.delete(tags).where(eq(tags.id, source.id)).run();
    tx.update(slugRedirects)
      .set({ targetId: target.id })
      .where(and(eq(slugRedirects.kind, "tag"), eq(slugRedirects.targetId, source.id)))
      .run();
    moveSlug(tx, "tag", target.id, source.slug, target.slug);
    recordAuditTx(tx, {
      user: actor,
      ip: actor.ip,
      action: "tag.merge",
      entityType: "tag",
      entityId: target.id,
      summary: `Merged tag “${source.name}” (${moved} articles) into “${target.name}”`,
    });
    return {
      ok: true,
      tag: target,
      change: { tagSlugs: [...new Set([source.slug, target.slug, ...oldRedirects])], ...carriers },
    };
  });
}

/** Deletes the tag; its articles keep their other tags. Its old addresses stop answering (404). */
export async function deleteTag(id: number, actor: Editor): Promise<TagWriteResult> {
  return transaction((tx): TagWriteResult => {
    const current = tx.select().from(tags).where(eq(tags.id, id)).get();
    if (!current) return { ok: false, errors: {}, message: "This tag no longer exists." };
    const carriers = publishedCarriers(tx, [id]);
    const oldRedirects = redirectSlugsOf(tx, "tag", id);
    tx.delete(slugRedirects).where(and(eq(slugRedirects.kind, "tag"), eq(slugRedirects.targetId, id))).run();
    tx.delete(tags).where(eq(tags.id, id)).run();
    recordAuditTx(tx, {
      user: actor,
      ip: actor.ip,
      action: "tag.delete",
      entityType: "tag",
      entityId: id,
      summary: `Deleted tag “${current.name}” (${current.slug})`,
    });
    return {
      ok: true,
      tag: { id, name: current.name, slug: current.slug },
      change: { tagSlugs: [current.slug, ...oldRedirects], ...carriers },
    };
  });
}
