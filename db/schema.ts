import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

/** Timestamps are stored as integer milliseconds since the epoch (UTC). */
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () =>
  timestamp("created_at")
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const USER_ROLES = ["admin", "editor"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: USER_ROLES }).notNull().default("editor"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  /** True while the account still uses a published demo password. */
  demoPassword: integer("demo_password", { mode: "boolean" }).notNull().default(false),
  /** Bumped on password change or deactivation: older sessions stop working. */
  sessionVersion: integer("session_version").notNull().default(1),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at"),
});

export const authors = sqliteTable("authors", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  bio: text("bio").notNull().default(""),
  userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const ARTICLE_STATUSES = ["draft", "scheduled", "published"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    dek: text("dek").notNull().default(""),
    /** Markdown source; rendered through the sanitizing pipeline in lib/markdown.ts. */
    body: text("body").notNull().default(""),
    status: text("status", { enum: ARTICLE_STATUSES }).notNull().default("draft"),
    /** When the article went (or goes, if scheduled) live. */
    publishedAt: timestamp("published_at"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => authors.id, { onDelete: "restrict" }),
    heroImage: text("hero_image"),
    heroAlt: text("hero_alt").notNull().default(""),
    heroCaption: text("hero_caption").notNull().default(""),
    seoTitle: text("seo_title").notNull().default(""),
    seoDescription: text("seo_description").notNull().default(""),
    /** Optimistic-concurrency counter: a save of a stale copy is refused. */
    version: integer("version").notNull().default(1),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("articles_status_published_idx").on(t.status, t.publishedAt, t.id),
    index("articles_author_status_published_idx").on(t.authorId, t.status, t.publishedAt, t.id),
    index("articles_updated_idx").on(t.updatedAt, t.id),
    // The editors' list: sorted by publication date across statuses, and one author's by update.
    index("articles_published_idx").on(t.publishedAt, t.id),
    index("articles_author_updated_idx").on(t.authorId, t.updatedAt, t.id),
    // Sitemap files cover fixed id ranges: one seek per file, the URL and lastmod read from the index.
    index("articles_sitemap_idx").on(t.status, t.id, t.publishedAt, t.updatedAt, t.slug),
  ],
);

export const tags = sqliteTable(
  "tags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull().unique(),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
    /**
     * Links to published articles (article_tags rows with a published_at), kept by triggers (see
     * the custom migration) so tag counts never aggregate the whole of article_tags.
     */
    publishedCount: integer("published_count").notNull().default(0),
  },
  (t) => [
    index("tags_published_count_idx").on(t.publishedCount),
    // The /tags listing, alphabetical as readers expect (case-insensitive), read from the index
    // alone in its order: no sort of every tag per render.
    index("tags_listing_idx").on(sql`${t.name} collate nocase`, t.id, t.slug, t.publishedCount),
  ],
);

export const articleTags = sqliteTable(
  "article_tags",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    /** Order of the tag on the article, from 0. */
    position: integer("position").notNull(),
    /**
     * Copy of the article's publication time while it is published, else null; kept by
     * triggers (see the custom migration) so tag listings page through one index.
     */
    publishedAt: timestamp("published_at"),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.tagId] }),
    index("article_tags_tag_published_idx").on(t.tagId, t.publishedAt, t.articleId),
  ],
);

export const REDIRECT_KINDS = ["article", "tag", "author"] as const;
export type RedirectKind = (typeof REDIRECT_KINDS)[number];

/** Old slugs that answer 301 to the entity's current slug. */
export const slugRedirects = sqliteTable(
  "slug_redirects",
  {
    kind: text("kind", { enum: REDIRECT_KINDS }).notNull(),
    fromSlug: text("from_slug").notNull(),
    targetId: integer("target_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.fromSlug] }), index("slug_redirects_target_idx").on(t.kind, t.targetId)],
);

export const revisions = sqliteTable(
  "revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    slug: text("slug").notNull(),
    dek: text("dek").notNull(),
    body: text("body").notNull(),
    /** JSON array of tag names in order. */
    tags: text("tags").notNull(),
    seoTitle: text("seo_title").notNull(),
    seoDescription: text("seo_description").notNull(),
    status: text("status", { enum: ARTICLE_STATUSES }).notNull(),
    publishedAt: timestamp("published_at"),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("revisions_article_idx").on(t.articleId, t.id)],
);

export const media = sqliteTable("media", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** File name under the uploads folder, e.g. `2025/07/abc123.webp`. */
  path: text("path").notNull().unique(),
  mime: text("mime").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  bytes: integer("bytes").notNull(),
  uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const AD_PLACEMENTS = [
  "article-after-body",
  "article-after-tags",
  "article-inline",
  "front-top",
  "front-list",
  "tag-top",
  "sidebar",
] as const;
export type AdPlacement = (typeof AD_PLACEMENTS)[number];
export const AD_CREATIVE_TYPES = ["image", "html"] as const;
export type AdCreativeType = (typeof AD_CREATIVE_TYPES)[number];

export const adSlots = sqliteTable(
  "ad_slots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull().unique(),
    name: text("name").notNull(),
    placement: text("placement", { enum: AD_PLACEMENTS }).notNull(),
    /** For `article-inline` (after paragraph N) and `front-list` (after item N). */
    placementIndex: integer("placement_index"),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    creativeType: text("creative_type", { enum: AD_CREATIVE_TYPES }).notNull(),
    imageUrl: text("image_url"),
    linkUrl: text("link_url"),
    altText: text("alt_text").notNull().default(""),
    html: text("html"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    startsAt: timestamp("starts_at"),
    endsAt: timestamp("ends_at"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [index("ad_slots_placement_idx").on(t.placement, t.active)],
);

/** Tag targeting: a slot with rows here shows only beside articles/tag pages with those tags. */
export const adSlotTags = sqliteTable(
  "ad_slot_tags",
  {
    slotId: integer("slot_id")
      .notNull()
      .references(() => adSlots.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.slotId, t.tagId] })],
);

/** Impressions and clicks in daily buckets (day is `YYYY-MM-DD`, UTC). */
export const adStats = sqliteTable(
  "ad_stats",
  {
    slotId: integer("slot_id")
      .notNull()
      .references(() => adSlots.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    impressions: integer("impressions").notNull().default(0),
    clicks: integer("clicks").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.slotId, t.day] })],
);

/**
 * Counts kept by triggers (drizzle/0006) so public pages read a number instead of counting the
 * archive: `published_articles` is the number of articles whose status is published (due or
 * scheduled).
 */
export const counters = sqliteTable("counters", {
  name: text("name").primaryKey(),
  value: integer("value").notNull().default(0),
});

/** One row (id = 1): the site's editable settings. */
export const siteSettings = sqliteTable(
  "site_settings",
  {
    id: integer("id").primaryKey(),
    siteName: text("site_name").notNull(),
    description: text("description").notNull().default(""),
    siteUrl: text("site_url").notNull(),
    logoUrl: text("logo_url").notNull().default(""),
    language: text("language").notNull().default("en"),
    adsTxt: text("ads_txt").notNull().default(""),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [check("site_settings_single_row", sql`${t.id} = 1`)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    /** Who acted, kept even if the user is later removed. */
    actor: text("actor").notNull().default(""),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull().default(""),
    entityId: text("entity_id").notNull().default(""),
    summary: text("summary").notNull().default(""),
    ip: text("ip").notNull().default(""),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_entity_idx").on(t.entityType, t.entityId)],
);

/** Failed sign-in counters, per account and per client address; survives restarts. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStart: timestamp("window_start").notNull(),
  blockedUntil: timestamp("blocked_until"),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Author = typeof authors.$inferSelect;
export type NewAuthor = typeof authors.$inferInsert;
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type Tag = typeof tags.$inferSelect;
export type NewTag = typeof tags.$inferInsert;
export type ArticleTag = typeof articleTags.$inferSelect;
export type Revision = typeof revisions.$inferSelect;
export type Media = typeof media.$inferSelect;
export type AdSlot = typeof adSlots.$inferSelect;
export type NewAdSlot = typeof adSlots.$inferInsert;
export type SiteSettings = typeof siteSettings.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
