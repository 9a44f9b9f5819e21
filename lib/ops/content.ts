import { asc, count, eq } from "drizzle-orm";
import { db, transaction, type DB } from "@/db";
import {
  adSlots,
  adSlotTags,
  articles,
  articleTags,
  authors,
  media,
  revisions,
  siteSettings,
  slugRedirects,
  tags,
} from "@/db/schema";
import {
  CONTENT_FORMAT,
  CONTENT_VERSION,
  contentDocumentSchema,
  formatIssues,
  type ContentDocument,
} from "./content-schema";

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const dateOrNull = (s: string | null) => (s === null ? null : new Date(s));

/**
 * Every piece of content as one document (see content-schema.ts), in id order so two exports of
 * the same content are byte-identical apart from `exportedAt`. An operator's whole-database read,
 * not a page query: it deliberately reads every row.
 */
export function exportContent(options: { withRevisions?: boolean; now?: Date } = {}): ContentDocument {
  const settings = db.select().from(siteSettings).where(eq(siteSettings.id, 1)).get();
  const authorRows = db.select().from(authors).orderBy(asc(authors.id)).all();
  const tagRows = db.select().from(tags).orderBy(asc(tags.id)).all();
  const articleRows = db.select().from(articles).orderBy(asc(articles.id)).all();
  const links = db
    .select({ articleId: articleTags.articleId, tagId: articleTags.tagId })
    .from(articleTags)
    .orderBy(asc(articleTags.articleId), asc(articleTags.position), asc(articleTags.tagId))
    .all();
  const slotRows = db.select().from(adSlots).orderBy(asc(adSlots.id)).all();
  const targeting = db.select().from(adSlotTags).orderBy(asc(adSlotTags.slotId), asc(adSlotTags.tagId)).all();

  const authorSlug = new Map(authorRows.map((a) => [a.id, a.slug]));
  const tagSlug = new Map(tagRows.map((t) => [t.id, t.slug]));
  const articleSlug = new Map(articleRows.map((a) => [a.id, a.slug]));
  const group = (pairs: { key: number; tagId: number }[]) => {
    const out = new Map<number, string[]>();
    for (const p of pairs) out.set(p.key, [...(out.get(p.key) ?? []), tagSlug.get(p.tagId)!]);
    return out;
  };
  const articleTagSlugs = group(links.map((l) => ({ key: l.articleId, tagId: l.tagId })));
  const slotTagSlugs = group(targeting.map((t) => ({ key: t.slotId, tagId: t.tagId })));
  const slugOf = { article: articleSlug, tag: tagSlug, author: authorSlug };

  const doc: ContentDocument = {
    format: CONTENT_FORMAT,
    version: CONTENT_VERSION,
    exportedAt: iso(options.now ?? new Date()),
    settings: settings
      ? {
          siteName: settings.siteName,
          description: settings.description,
          siteUrl: settings.siteUrl,
          logoUrl: settings.logoUrl,
          language: settings.language,
          adsTxt: settings.adsTxt,
          updatedAt: isoOrNull(settings.updatedAt),
        }
      : null,
    authors: authorRows.map((a) => ({ id: a.id, slug: a.slug, name: a.name, bio: a.bio, createdAt: iso(a.createdAt) })),
    tags: tagRows.map((t) => ({
      id: t.id,
      slug: t.slug,
      name: t.name,
      description: t.description,
      createdAt: iso(t.createdAt),
    })),
    articles: articleRows.map((a) => ({
      id: a.id,
      slug: a.slug,
      title: a.title,
      dek: a.dek,
      body: a.body,
      status: a.status,
      publishedAt: isoOrNull(a.publishedAt),
      createdAt: iso(a.createdAt),
      updatedAt: iso(a.updatedAt),
      author: authorSlug.get(a.authorId)!,
      tags: articleTagSlugs.get(a.id) ?? [],
      heroImage: a.heroImage,
      heroAlt: a.heroAlt,
      heroCaption: a.heroCaption,
      seoTitle: a.seoTitle,
      seoDescription: a.seoDescription,
      version: a.version,
    })),
    redirects: db
      .select()
      .from(slugRedirects)
      .orderBy(asc(slugRedirects.kind), asc(slugRedirects.fromSlug))
      .all()
      .flatMap((r) => {
        const to = slugOf[r.kind].get(r.targetId);
        // A redirect whose target is gone answers 404 on the site already; nothing to carry over.
        return to ? [{ kind: r.kind, fromSlug: r.fromSlug, to, createdAt: iso(r.createdAt) }] : [];
      }),
    media: db
      .select()
      .from(media)
      .orderBy(asc(media.id))
      .all()
      .map((m) => ({
        id: m.id,
        path: m.path,
        mime: m.mime,
        width: m.width,
        height: m.height,
        bytes: m.bytes,
        createdAt: iso(m.createdAt),
      })),
    adSlots: slotRows.map((s) => ({
      id: s.id,
      key: s.key,
      name: s.name,
      placement: s.placement,
      placementIndex: s.placementIndex,
      width: s.width,
      height: s.height,
      creativeType: s.creativeType,
      imageUrl: s.imageUrl,
      linkUrl: s.linkUrl,
      altText: s.altText,
      html: s.html,
      active: s.active,
      startsAt: isoOrNull(s.startsAt),
      endsAt: isoOrNull(s.endsAt),
      createdAt: iso(s.createdAt),
      updatedAt: iso(s.updatedAt),
      tags: slotTagSlugs.get(s.id) ?? [],
    })),
  };

  if (options.withRevisions) {
    doc.revisions = db
      .select()
      .from(revisions)
      .orderBy(asc(revisions.id))
      .all()
      .map((r) => ({
        id: r.id,
        article: articleSlug.get(r.articleId)!,
        version: r.version,
        title: r.title,
        slug: r.slug,
        dek: r.dek,
        body: r.body,
        tags: JSON.parse(r.tags) as string[],
        seoTitle: r.seoTitle,
        seoDescription: r.seoDescription,
        status: r.status,
        publishedAt: isoOrNull(r.publishedAt),
        createdAt: iso(r.createdAt),
      }));
  }
  return doc;
}

export class ContentImportError extends Error {
  override name = "ContentImportError";
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
  }
}

/** Checks a parsed JSON value against the content format; returns it typed or every problem. */
export function validateContent(input: unknown): { ok: true; doc: ContentDocument } | { ok: false; issues: string[] } {
  const parsed = contentDocumentSchema.safeParse(input);
  return parsed.success ? { ok: true, doc: parsed.data } : { ok: false, issues: formatIssues(parsed.error) };
}

/** Tables that must be empty for an import; accounts and settings may already exist. */
const CONTENT_TABLES = [
  ["articles", articles],
  ["tags", tags],
  ["authors", authors],
  ["ad slots", adSlots],
  ["slug redirects", slugRedirects],
  ["revisions", revisions],
  ["media", media],
] as const;

function nonEmptyTables(tx: DB): string[] {
  return CONTENT_TABLES.filter(([, table]) => (tx.select({ n: count() }).from(table).get()?.n ?? 0) > 0).map(
    ([name]) => name,
  );
}

export type ImportCounts = Record<
  "authors" | "tags" | "articles" | "revisions" | "redirects" | "media" | "adSlots",
  number
> & { settings: boolean };

/**
 * Loads a content document into a database without content. Everything is validated before the
 * first write, and all rows are written in one transaction: a bad record writes nothing.
 */
export function importContent(input: unknown): ImportCounts {
  const result = validateContent(input);
  if (!result.ok) {
    throw new ContentImportError(`The document has ${result.issues.length} problem(s); nothing was imported.`, result.issues);
  }
  const doc = result.doc;

  return transaction((tx) => {
    const busy = nonEmptyTables(tx);
    if (busy.length > 0) {
      throw new ContentImportError(
        `The database already has content (${busy.join(", ")}): import only into an empty database.`,
      );
    }

    if (doc.settings) {
      const values = {
        siteName: doc.settings.siteName,
        description: doc.settings.description,
        siteUrl: doc.settings.siteUrl,
        logoUrl: doc.settings.logoUrl,
        language: doc.settings.language,
        adsTxt: doc.settings.adsTxt,
        updatedAt: dateOrNull(doc.settings.updatedAt),
      };
      tx.insert(siteSettings)
        .values({ id: 1, ...values })
        .onConflictDoUpdate({ target: siteSettings.id, set: values })
        .run();
    }

    const authorId = new Map<string, number>();
    for (const a of doc.authors) {
      tx.insert(authors)
        .values({ id: a.id, slug: a.slug, name: a.name, bio: a.bio, createdAt: new Date(a.createdAt) })
        .run();
      authorId.set(a.slug, a.id);
    }
    const tagId = new Map<string, number>();
    for (const t of doc.tags) {
      tx.insert(tags)
        .values({ id: t.id, slug: t.slug, name: t.name, description: t.description, createdAt: new Date(t.createdAt) })
        .run();
      tagId.set(t.slug, t.id);
    }
    const articleId = new Map<string, number>();
    for (const a of doc.articles) {
      tx.insert(articles)
        .values({
          id: a.id,
          slug: a.slug,
          title: a.title,
          dek: a.dek,
          body: a.body,
          status: a.status,
          publishedAt: dateOrNull(a.publishedAt),
          createdAt: new Date(a.createdAt),
          updatedAt: new Date(a.updatedAt),
          authorId: authorId.get(a.author)!,
          heroImage: a.heroImage,
          heroAlt: a.heroAlt,
          heroCaption: a.heroCaption,
          seoTitle: a.seoTitle,
          seoDescription: a.seoDescription,
          version: a.version,
        })
        .run();
      articleId.set(a.slug, a.id);
      a.tags.forEach((slug, position) => {
        tx.insert(articleTags).values({ articleId: a.id, tagId: tagId.get(slug)!, position }).run();
      });
    }
    for (const r of doc.revisions ?? []) {
      tx.insert(revisions)
        .values({
          id: r.id,
          articleId: articleId.get(r.article)!,
          version: r.version,
          title: r.title,
          slug: r.slug,
          dek: r.dek,
          body: r.body,
          tags: JSON.stringify(r.tags),
          seoTitle: r.seoTitle,
          seoDescription: r.seoDescription,
          status: r.status,
          publishedAt: dateOrNull(r.publishedAt),
          createdAt: new Date(r.createdAt),
        })
        .run();
    }
    const idOf = { article: articleId, tag: tagId, author: authorId };
    for (const r of doc.redirects) {
      tx.insert(slugRedirects)
        .values({ kind: r.kind, fromSlug: r.fromSlug, targetId: idOf[r.kind].get(r.to)!, createdAt: new Date(r.createdAt) })
        .run();
    }
    for (const m of doc.media) {
      tx.insert(media)
        .values({
          id: m.id,
          path: m.path,
          mime: m.mime,
          width: m.width,
          height: m.height,
          bytes: m.bytes,
          createdAt: new Date(m.createdAt),
        })
        .run();
    }
    for (const s of doc.adSlots) {
      tx.insert(adSlots)
        .values({
          id: s.id,
          key: s.key,
          name: s.name,
          placement: s.placement,
          placementIndex: s.placementIndex,
          width: s.width,
          height: s.height,
          creativeType: s.creativeType,
          imageUrl: s.imageUrl,
          linkUrl: s.linkUrl,
          altText: s.altText,
          html: s.html,
          active: s.active,
          startsAt: dateOrNull(s.startsAt),
          endsAt: dateOrNull(s.endsAt),
          createdAt: new Date(s.createdAt),
          updatedAt: new Date(s.updatedAt),
        })
        .run();
      for (const slug of s.tags) tx.insert(adSlotTags).values({ slotId: s.id, tagId: tagId.get(slug)! }).run();
    }

    return {
      settings: doc.settings !== null,
      authors: doc.authors.length,
      tags: doc.tags.length,
      articles: doc.articles.length,
      revisions: doc.revisions?.length ?? 0,
      redirects: doc.redirects.length,
      media: doc.media.length,
      adSlots: doc.adSlots.length,
    };
  });
}
