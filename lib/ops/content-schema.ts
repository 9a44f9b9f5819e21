import { z } from "zod";
import { AD_CREATIVE_TYPES, AD_PLACEMENTS, ARTICLE_STATUSES, REDIRECT_KINDS } from "@/db/schema";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "@/lib/slug";

/**
 * The content export format: everything readers see, as one JSON document. Records carry their
 * ids (so admin URLs and ids survive a move) and refer to each other by slug or key, so the file
 * stays readable and hand-editable. Accounts are not content and are never exported.
 */
export const CONTENT_FORMAT = "dateline-content";
export const CONTENT_VERSION = 1;

const id = z.number().int().positive();
const slug = z.string().max(SLUG_MAX_LENGTH).regex(SLUG_PATTERN, "must be lowercase words joined by '-'");
const date = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" });
const text = (max: number) => z.string().max(max);
/** http(s) only: a `javascript:` or `data:` link must never reach a reader through an import. */
const webUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const imageRef = z.union([webUrl, z.string().regex(/^\/(?!\/)\S*$/)], {
  error: "must be an http(s) URL or a path on this site starting with '/'",
});
/** Relative path under the uploads folder, never leaving it. */
const uploadPath = z
  .string()
  .min(1)
  .max(500)
  .regex(/^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._\-/]+$/, "must be a relative path inside the uploads folder")
  .refine((p) => !p.startsWith("/"), "must be a relative path inside the uploads folder");

export const settingsRecordSchema = z.strictObject({
  siteName: text(200).min(1),
  description: text(1000),
  siteUrl: webUrl,
  logoUrl: z.union([z.literal(""), imageRef]),
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as en or en-GB"),
  adsTxt: text(100_000),
  updatedAt: date.nullable(),
});

export const authorRecordSchema = z.strictObject({
  id,
  slug,
  name: text(200).min(1),
  bio: text(10_000),
  createdAt: date,
});

export const tagRecordSchema = z.strictObject({
  id,
  slug,
  name: text(100).min(1),
  description: text(2_000),
  createdAt: date,
});

export const articleRecordSchema = z
  .strictObject({
    id,
    slug,
    title: text(500).min(1),
    dek: text(2_000),
    body: text(2_000_000),
    status: z.enum(ARTICLE_STATUSES),
    publishedAt: date.nullable(),
    createdAt: date,
    updatedAt: date,
    author: slug,
    /** Tag slugs in the article's order. */
    tags: z.array(slug).max(100),
    heroImage: z
      .union([uploadPath, imageRef], { error: "must be a file in the uploads folder, an http(s) URL or a path starting with '/'" })
      .nullable(),
    heroAlt: text(1_000),
    heroCaption: text(2_000),
    seoTitle: text(300),
    seoDescription: text(1_000),
    version: z.number().int().positive(),
  })
  .superRefine((a, ctx) => {
    if (a.status !== "draft" && a.publishedAt === null) {
      ctx.addIssue({ code: "custom", path: ["publishedAt"], message: `a ${a.status} article needs a publication time` });
    }
    const seen = new Set<string>();
    a.tags.forEach((t, i) => {
      if (seen.has(t)) ctx.addIssue({ code: "custom", path: ["tags", i], message: `tag ${t} is listed twice` });
      seen.add(t);
    });
  });

export const revisionRecordSchema = z.strictObject({
  id,
  /** Current slug of the article the revision belongs to. */
  article: slug,
  version: z.number().int().positive(),
  title: text(500),
  slug: text(SLUG_MAX_LENGTH),
  dek: text(2_000),
  body: text(2_000_000),
  tags: z.array(text(100)).max(100),
  seoTitle: text(300),
  seoDescription: text(1_000),
  status: z.enum(ARTICLE_STATUSES),
  publishedAt: date.nullable(),
  createdAt: date,
});

export const redirectRecordSchema = z.strictObject({
  kind: z.enum(REDIRECT_KINDS),
  fromSlug: slug,
  /** Current slug of the article, tag or author the old slug now points to. */
  to: slug,
  createdAt: date,
});

export const mediaRecordSchema = z.strictObject({
  id,
  path: uploadPath,
  mime: z.string().regex(/^image\/[a-z0-9.+-]+$/, "must be an image MIME type"),
  width: z.number().int().positive().max(100_000),
  height: z.number().int().positive().max(100_000),
  bytes: z.number().int().nonnegative(),
  createdAt: date,
});

export const adSlotRecordSchema = z
  .strictObject({
    id,
    key: z.string().regex(/^[A-Z0-9_-]{1,64}$/, "must be 1–64 characters A–Z, 0–9, _ or -"),
    name: text(200).min(1),
    placement: z.enum(AD_PLACEMENTS),
    placementIndex: z.number().int().min(0).max(1000).nullable(),
    width: z.number().int().positive().max(5_000),
    height: z.number().int().positive().max(5_000),
    creativeType: z.enum(AD_CREATIVE_TYPES),
    imageUrl: imageRef.nullable(),
    linkUrl: webUrl.nullable(),
    altText: text(500),
    /** Rendered only inside a sandboxed frame, so any HTML is acceptable here. */
    html: text(100_000).nullable(),
    active: z.boolean(),
    startsAt: date.nullable(),
    endsAt: date.nullable(),
    createdAt: date,
    updatedAt: date,
    /** Tag targeting: slugs of the tags this slot is limited to (empty: everywhere). */
    tags: z.array(slug).max(1_000),
  })
  .superRefine((s, ctx) => {
    if (s.creativeType === "image" && !s.imageUrl) {
      ctx.addIssue({ code: "custom", path: ["imageUrl"], message: "an image creative needs an image URL" });
    }
    if (s.creativeType === "html" && !s.html) {
      ctx.addIssue({ code: "custom", path: ["html"], message: "an HTML creative needs its HTML" });
    }
    if ((s.placement === "article-inline" || s.placement === "front-list") && s.placementIndex === null) {
      ctx.addIssue({ code: "custom", path: ["placementIndex"], message: `placement ${s.placement} needs an index` });
    }
    if (s.startsAt && s.endsAt && Date.parse(s.endsAt) < Date.parse(s.startsAt)) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "ends before it starts" });
    }
  });

/** Reports a second record with the same value of `key` at `path[i].key`. */
function unique<T>(
  ctx: z.RefinementCtx,
  list: T[],
  path: string,
  key: keyof T & string,
  norm: (v: unknown) => unknown = (v) => v,
) {
  const first = new Map<unknown, number>();
  list.forEach((item, i) => {
    const value = norm(item[key]);
    const at = first.get(value);
    if (at !== undefined) {
      ctx.addIssue({ code: "custom", path: [path, i, key], message: `duplicate ${key} ${String(item[key])} (also ${path}[${at}])` });
    } else first.set(value, i);
  });
}

export const contentDocumentSchema = z
  .strictObject({
    format: z.literal(CONTENT_FORMAT),
    version: z.literal(CONTENT_VERSION),
    exportedAt: date,
    settings: settingsRecordSchema.nullable(),
    authors: z.array(authorRecordSchema),
    tags: z.array(tagRecordSchema),
    articles: z.array(articleRecordSchema),
    revisions: z.array(revisionRecordSchema).optional(),
    redirects: z.array(redirectRecordSchema),
    media: z.array(mediaRecordSchema),
    adSlots: z.array(adSlotRecordSchema),
  })
  .superRefine((doc, ctx) => {
    unique(ctx, doc.authors, "authors", "id");
    unique(ctx, doc.authors, "authors", "slug");
    unique(ctx, doc.tags, "tags", "id");
    unique(ctx, doc.tags, "tags", "slug");
    // SQLite compares tag names case-sensitively, but two tags differing only in case confuse readers.
    unique(ctx, doc.tags, "tags", "name", (v) => String(v).toLowerCase());
    unique(ctx, doc.articles, "articles", "id");
    unique(ctx, doc.articles, "articles", "slug");
    unique(ctx, doc.revisions ?? [], "revisions", "id");
    unique(ctx, doc.media, "media", "id");
    unique(ctx, doc.media, "media", "path");
    unique(ctx, doc.adSlots, "adSlots", "id");
    unique(ctx, doc.adSlots, "adSlots", "key");

    const authorSlugs = new Set(doc.authors.map((a) => a.slug));
    const tagSlugs = new Set(doc.tags.map((t) => t.slug));
    const articleSlugs = new Set(doc.articles.map((a) => a.slug));
    const missing = (path: (string | number)[], what: string, value: string) =>
      ctx.addIssue({ code: "custom", path, message: `no ${what} with slug ${value} in this document` });

    doc.articles.forEach((a, i) => {
      if (!authorSlugs.has(a.author)) missing(["articles", i, "author"], "author", a.author);
      a.tags.forEach((t, j) => {
        if (!tagSlugs.has(t)) missing(["articles", i, "tags", j], "tag", t);
      });
    });
    doc.revisions?.forEach((r, i) => {
      if (!articleSlugs.has(r.article)) missing(["revisions", i, "article"], "article", r.article);
    });
    doc.adSlots.forEach((s, i) => {
      s.tags.forEach((t, j) => {
        if (!tagSlugs.has(t)) missing(["adSlots", i, "tags", j], "tag", t);
      });
      const seen = new Set<string>();
      s.tags.forEach((t, j) => {
        if (seen.has(t)) ctx.addIssue({ code: "custom", path: ["adSlots", i, "tags", j], message: `tag ${t} is listed twice` });
        seen.add(t);
      });
    });

    const current = { article: articleSlugs, tag: tagSlugs, author: authorSlugs };
    const seenRedirects = new Map<string, number>();
    doc.redirects.forEach((r, i) => {
      if (!current[r.kind].has(r.to)) missing(["redirects", i, "to"], r.kind, r.to);
      if (current[r.kind].has(r.fromSlug)) {
        ctx.addIssue({
          code: "custom",
          path: ["redirects", i, "fromSlug"],
          message: `${r.fromSlug} is the current slug of a ${r.kind}; it cannot also redirect`,
        });
      }
      const k = `${r.kind}:${r.fromSlug}`;
      const at = seenRedirects.get(k);
      if (at !== undefined) {
        ctx.addIssue({ code: "custom", path: ["redirects", i, "fromSlug"], message: `duplicate redirect (also redirects[${at}])` });
      } else seenRedirects.set(k, i);
    });
  });

export type ContentDocument = z.infer<typeof contentDocumentSchema>;

/** `articles[12].slug: must be …` — one line per problem, paths as a reader would write them. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
      .join("");
    return `${path || "(document)"}: ${issue.message}`;
  });
}
