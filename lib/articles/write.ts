import { and, asc, eq, lte } from "drizzle-orm";
import { transaction, type DB } from "@/db";
import { articleTagListTx, type ArticleTagRef } from "@/db/queries/admin-articles";
import {
  articles,
  articleTags,
  authors,
  media,
  revisions,
  slugRedirects,
  users,
  type Article,
  type ArticleStatus,
} from "@/db/schema";
import type { ArticleChange } from "@/lib/cache-tags";
import type { ArticleInput, ArticleIntent } from "@/lib/validation/article";
import { recordAuditTx } from "@/lib/audit";
import { articleSlugHolder, generateArticleSlug, moveSlug, redirectSlugsOf, slugCollisionMessage } from "./slugs";
import { resolveTagRefs } from "./tags";

/**
 * The article write path. Every change runs in one transaction: the article row, its tags, a
 * revision and the audit entry commit together or not at all. Edits carry the version the
 * editor started from; a save of a stale copy is refused (optimistic concurrency), never merged.
 */

/** Who saves: the signed-in user, and the client address for the audit log. */
export type Editor = { id: number; name: string; email: string; ip?: string };

/** A hero image already stored on disk by lib/articles/media.ts, to be recorded with the save. */
export type StoredImage = { path: string; url: string; mime: string; width: number; height: number; bytes: number };

export type HeroChange = { kind: "keep" } | { kind: "remove" } | { kind: "set"; image: StoredImage };

export type Conflict = { by: string; at: Date; version: number };

export type WriteResult =
  | { ok: true; id: number; slug: string; version: number; status: ArticleStatus; change: ArticleChange | null }
  | { ok: false; message: string; errors: Record<string, string[]>; conflict?: Conflict; notFound?: boolean };

type Snapshot = {
  article: Article;
  tags: ArticleTagRef[];
  authorSlug: string;
};

function snapshot(tx: DB, id: number): Snapshot | null {
  const row = tx
    .select({ article: articles, authorSlug: authors.slug })
    .from(articles)
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(eq(articles.id, id))
    .get();
  if (!row) return null;
  return { article: row.article, tags: articleTagListTx(tx, id), authorSlug: row.authorSlug };
}

/** Readers can see it: published and due (a scheduled article is not, until the scheduler runs). */
export function isPublic(a: Pick<Article, "status" | "publishedAt">, now: Date): boolean {
  return a.status === "published" && a.publishedAt !== null && a.publishedAt.getTime() <= now.getTime();
}

function conflictOf(tx: DB, a: Article): Conflict {
  const by = a.updatedBy
    ? tx.select({ name: users.name }).from(users).where(eq(users.id, a.updatedBy)).get()?.name
    : undefined;
  return { by: by ?? "Someone", at: a.updatedAt, version: a.version };
}

/** The cache tags to expire, or null when the article was not public before or after. */
function changeOf(tx: DB, before: Snapshot | null, after: Snapshot, now: Date): ArticleChange | null {
  const wasPublic = before ? isPublic(before.article, now) : false;
  if (!wasPublic && !isPublic(after.article, now)) return null;
  const uniq = (xs: string[]) => [...new Set(xs)];
  return {
    id: after.article.id,
    // Old slugs redirect to the id: their cached answers must follow the new slug too.
    slugs: uniq([
      ...(before ? [before.article.slug] : []),
      after.article.slug,
      ...redirectSlugsOf(tx, "article", after.article.id),
    ]),
    tagSlugs: uniq([...(before?.tags ?? []), ...after.tags].map((t) => t.slug)),
    authorSlugs: uniq([...(before ? [before.authorSlug] : []), after.authorSlug]),
  };
}

function writeRevision(tx: DB, snap: Snapshot, editor: Editor | null): void {
  const a = snap.article;
  tx.insert(revisions)
    .values({
      articleId: a.id,
      version: a.version,
      title: a.title,
      slug: a.slug,
      dek: a.dek,
      body: a.body,
      tags: JSON.stringify(snap.tags.map((t) => t.name)),
      seoTitle: a.seoTitle,
      seoDescription: a.seoDescription,
      status: a.status,
      publishedAt: a.publishedAt,
      userId: editor?.id ?? null,
    })
    .run();
}

function replaceTags(tx: DB, articleId: number, tagIds: number[]): void {
  tx.delete(articleTags).where(eq(articleTags.articleId, articleId)).run();
  tagIds.forEach((tagId, position) => tx.insert(articleTags).values({ articleId, tagId, position }).run());
}

/** Status and publication time after a save with this intent. */
function nextStatus(
  intent: ArticleIntent,
  current: Article | null,
  publishAt: Date | null,
  now: Date,
): { status: ArticleStatus; publishedAt: Date | null } {
  // A past publication time is kept (republishing keeps the original date); a future one is not.
  const pastPublishedAt = current?.publishedAt && current.publishedAt.getTime() <= now.getTime() ? current.publishedAt : null;
  switch (intent) {
    case "publish":
      return { status: "published", publishedAt: current?.status === "published" ? current.publishedAt : (pastPublishedAt ?? now) };
    case "schedule":
      return { status: "scheduled", publishedAt: publishAt };
    case "unpublish":
      return { status: "draft", publishedAt: current?.status === "published" ? current.publishedAt : null };
    case "save":
      if (!current || current.status === "draft") return { status: "draft", publishedAt: current?.publishedAt ?? null };
      if (current.status === "scheduled") return { status: "scheduled", publishedAt: publishAt ?? current.publishedAt };
      return { status: "published", publishedAt: current.publishedAt };
  }
}

export type SaveArticleInput = ArticleInput & {
  /** Present for edits. */
  id?: number;
  version?: number;
  /** UTC time from the `publishAt` field (already checked to be in the future when scheduling). */
  publishAtUtc: Date | null;
  hero: HeroChange;
};

const FAILED = "Nothing was saved. Check the fields marked below.";

function saveArticleTx(input: SaveArticleInput, editor: Editor, now: Date): Promise<WriteResult> {
  return Promise.resolve().then(() => transaction((tx): WriteResult => {
    const before = input.id ? snapshot(tx, input.id) : null;
    if (input.id && !before) return { ok: false, message: "This article no longer exists.", errors: {}, notFound: true };
    if (before && before.article.version !== input.version) {
      const conflict = conflictOf(tx, before.article);
      return { ok: false, message: "conflict", errors: {}, conflict };
    }
    const current = before?.article ?? null;
    const errors: Record<string, string[]> = {};

    if (!tx.select({ id: authors.id }).from(authors).where(eq(authors.id, input.authorId)).get()) {
      errors.authorId = [`Unknown author (id ${input.authorId}). Choose an author from the list.`];
    }

    let slug = input.slug;
    if (slug) {
      const holder = articleSlugHolder(tx, slug, current?.id ?? null);
      if (holder) errors.slug = [slugCollisionMessage(holder)];
    } else {
      slug = current && isPublic(current, now) ? current.slug : generateArticleSlug(tx, input.title, current?.id ?? null);
    }

    if (input.intent === "schedule" && !input.publishAtUtc) errors.publishAt ??= ["Choose when to publish."];
    if (input.intent === "save" && current?.status === "scheduled" && input.publishAtUtc && input.publishAtUtc <= now) {
      errors.publishAt = ["Choose a time in the future, or publish now."];
    }

    // Tags last: new tags are created here, and must not be if anything else failed.
    if (Object.keys(errors).length) {
      return { ok: false, message: FAILED, errors: { ...errors, ...tagErrorsOnly(tx, input) } };
    }
    const resolved = resolveTagRefs(tx, input.tags);
    if (!resolved.ok) {
      // Roll back any tag created before the failure.
      throw new RefusedSave({ ok: false, message: FAILED, errors: { tags: [resolved.error] } });
    }

    const { status, publishedAt } = nextStatus(input.intent, current, input.publishAtUtc, now);
    const hero =
      input.hero.kind === "set"
        ? { heroImage: input.hero.image.url }
        : input.hero.kind === "remove"
          ? { heroImage: null }
          : {};
    if (input.hero.kind === "set") {
      const img = input.hero.image;
      tx.insert(media)
        .values({ path: img.path, mime: img.mime, width: img.width, height: img.height, bytes: img.bytes, uploadedBy: editor.id })
        .run();
    }
    const values = {
      slug,
      title: input.title,
      dek: input.dek,
      body: input.body,
      status,
      publishedAt,
      authorId: input.authorId,
      heroAlt: input.heroAlt,
      heroCaption: input.heroCaption,
      seoTitle: input.seoTitle,
      seoDescription: input.seoDescription,
      updatedAt: now,
      updatedBy: editor.id,
      ...hero,
    };

    let id: number;
    if (current) {
      const updated = tx
        .update(articles)
        .set({ ...values, version: current.version + 1 })
        .where(and(eq(articles.id, current.id), eq(articles.version, current.version)))
        .run();
      if (updated.changes !== 1) throw new Error("article changed during the save transaction");
      id = current.id;
      if (current.slug !== slug) {
        if (current.publishedAt) moveSlug(tx, "article", id, current.slug, slug);
        else tx.delete(slugRedirects).where(and(eq(slugRedirects.kind, "article"), eq(slugRedirects.fromSlug, slug))).run();
      }
    } else {
      tx.delete(slugRedirects).where(and(eq(slugRedirects.kind, "article"), eq(slugRedirects.fromSlug, slug))).run();
      id = tx.insert(articles).values({ ...values, createdAt: now, version: 1 }).returning({ id: articles.id }).get().id;
    }
    replaceTags(tx, id, resolved.tags.map((t) => t.id));

    const after = snapshot(tx, id)!;
    writeRevision(tx, after, editor);
    recordAuditTx(tx, {
      user: editor,
      ip: editor.ip,
      action: current ? `article.${input.intent === "save" ? "update" : input.intent}` : `article.create`,
      entityType: "article",
      entityId: id,
      summary: describeSave(before, after),
    });
    return { ok: true, id, slug, version: after.article.version, status, change: changeOf(tx, before, after, now) };
  }));
}

/** Only the "unknown tag id" check, without creating anything (used when other fields failed). */
function tagErrorsOnly(tx: DB, input: SaveArticleInput): Record<string, string[]> {
  const ids = input.tags.flatMap((r) => (r.kind === "id" ? [r.id] : []));
  if (!ids.length) return {};
  const resolved = resolveTagRefs(tx, ids.map((id) => ({ kind: "id" as const, id })));
  return resolved.ok ? {} : { tags: [resolved.error] };
}

/** Thrown inside a transaction to roll it back and still answer with field errors. */
class RefusedSave extends Error {
  constructor(readonly result: WriteResult) {
    super("refused");
  }
}

function describeSave(before: Snapshot | null, after: Snapshot): string {
  const a = after.article;
  if (!before) return `Created “${a.title}” as ${a.status}`;
  const b = before.article;
  const parts: string[] = [];
  if (b.status !== a.status) parts.push(`${b.status} → ${a.status}`);
  if (b.title !== a.title) parts.push("title");
  if (b.slug !== a.slug) parts.push(`slug ${b.slug} → ${a.slug}`);
  if (b.dek !== a.dek) parts.push("standfirst");
  if (b.body !== a.body) parts.push("body");
  if (b.heroImage !== a.heroImage) parts.push("hero image");
  if (before.tags.map((t) => t.id).join() !== after.tags.map((t) => t.id).join()) parts.push("tags");
  if (b.authorId !== a.authorId) parts.push("author");
  if (b.seoTitle !== a.seoTitle || b.seoDescription !== a.seoDescription) parts.push("SEO");
  if (b.status === "scheduled" && a.status === "scheduled" && b.publishedAt?.getTime() !== a.publishedAt?.getTime()) {
    parts.push("schedule");
  }
  return `“${a.title}” v${a.version}: ${parts.join(", ") || "saved without changes"}`;
}

/** Wraps a write so a RefusedSave rolls the transaction back and comes out as its result. */
async function refusable(run: () => Promise<WriteResult>): Promise<WriteResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RefusedSave) return error.result;
    throw error;
  }
}

/** Creates or updates an article (see SaveArticleInput); field errors come back, nothing is half-written. */
export function saveArticle(input: SaveArticleInput, editor: Editor, now = new Date()): Promise<WriteResult> {
  return refusable(() => saveArticleTx(input, editor, now));
}

/**
 * Restores a revision's text (title, standfirst, body, tags, SEO fields) as a new version; the
 * slug, status and author stay as they are now. Tags are matched by name; a tag deleted since is
 * created again.
 */
export async function restoreRevision(
  articleId: number,
  revisionId: number,
  expectedVersion: number,
  editor: Editor,
  now = new Date(),
): Promise<WriteResult> {
  return refusable(async () =>
    transaction((tx): WriteResult => {
      const before = snapshot(tx, articleId);
      if (!before) return { ok: false, message: "This article no longer exists.", errors: {}, notFound: true };
      if (before.article.version !== expectedVersion) return { ok: false, message: "conflict", errors: {}, conflict: conflictOf(tx, before.article) };
      const rev = tx
        .select()
        .from(revisions)
        .where(and(eq(revisions.id, revisionId), eq(revisions.articleId, articleId)))
        .get();
      if (!rev) return { ok: false, message: "That revision does not belong to this article.", errors: {}, notFound: true };
      const names = parseTagNames(rev.tags);
      const resolved = resolveTagRefs(tx, names.map((name) => ({ kind: "new" as const, name })));
      if (!resolved.ok) throw new RefusedSave({ ok: false, message: resolved.error, errors: {} });
      tx.update(articles)
        .set({
          title: rev.title,
          dek: rev.dek,
          body: rev.body,
          seoTitle: rev.seoTitle,
          seoDescription: rev.seoDescription,
          version: before.article.version + 1,
          updatedAt: now,
          updatedBy: editor.id,
        })
        .where(and(eq(articles.id, articleId), eq(articles.version, expectedVersion)))
        .run();
      replaceTags(tx, articleId, resolved.tags.map((t) => t.id));
      const after = snapshot(tx, articleId)!;
      writeRevision(tx, after, editor);
      recordAuditTx(tx, {
        user: editor,
        ip: editor.ip,
        action: "article.restore",
        entityType: "article",
        entityId: articleId,
        summary: `“${after.article.title}”: restored version ${rev.version} as v${after.article.version}`,
      });
      return {
        ok: true,
        id: articleId,
        slug: after.article.slug,
        version: after.article.version,
        status: after.article.status,
        change: changeOf(tx, before, after, now),
      };
    }),
  );
}

function parseTagNames(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.trim() !== "") : [];
  } catch {
    return [];
  }
}

/** Deletes the article, its revisions, tags links and redirects. */
export async function deleteArticle(id: number, editor: Editor, now = new Date()): Promise<WriteResult> {
  return transaction((tx): WriteResult => {
    const before = snapshot(tx, id);
    if (!before) return { ok: false, message: "This article no longer exists.", errors: {}, notFound: true };
    const change = changeOf(tx, before, before, now);
    tx.delete(slugRedirects).where(and(eq(slugRedirects.kind, "article"), eq(slugRedirects.targetId, id))).run();
    tx.delete(articles).where(eq(articles.id, id)).run();
    recordAuditTx(tx, {
      user: editor,
      ip: editor.ip,
      action: "article.delete",
      entityType: "article",
      entityId: id,
      summary: `Deleted “${before.article.title}” (${before.article.slug}, ${before.article.status})`,
    });
    return { ok: true, id, slug: before.article.slug, version: before.article.version, status: before.article.status, change };
  });
}

/**
 * Publishes scheduled articles whose time has come (at most `limit` per call, oldest first).
 * Their publication time stays the scheduled one. No version bump: an editor's open copy is
 * not stale because the clock moved.
 */
export async function publishDueArticles(now: Date, limit = 100): Promise<ArticleChange[]> {
  return transaction((tx) => {
    const due = tx
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.status, "scheduled"), lte(articles.publishedAt, now)))
      .orderBy(asc(articles.publishedAt), asc(articles.id))
      .limit(limit)
      .all();
    const changes: ArticleChange[] = [];
    for (const { id } of due) {
      const before = snapshot(tx, id)!;
      tx.update(articles).set({ status: "published" }).where(eq(articles.id, id)).run();
      const after = snapshot(tx, id)!;
      recordAuditTx(tx, {
        user: null,
        actor: "scheduler",
        action: "article.publish-scheduled",
        entityType: "article",
        entityId: id,
        summary: `Published “${after.article.title}” as scheduled for ${before.article.publishedAt?.toISOString()}`,
      });
      const change = changeOf(tx, before, after, now);
      if (change) changes.push(change);
    }
    return changes;
  });
}
