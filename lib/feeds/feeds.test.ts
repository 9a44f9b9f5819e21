import { and, desc, eq, lte } from "drizzle-orm";
import { parseXml } from "@/scripts/tests/strict-xml";
import { beforeAll, describe, expect, it } from "vitest";
import { db, runMigrations } from "@/db";
import {
  countSitemapEntries,
  getTagBySlug,
  listFeedArticles,
  listFeedArticlesByTag,
  listNewsSitemapArticles,
} from "@/db/queries/feeds";
import { articles, articleTags, authors, tags } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { REFERENCE_TAGS } from "@/db/seed/reference-article";
import { buildRssFeed, type RssChannel } from "./rss";
import {
  parseSitemapChunkName,
  querySitemapSource,
  renderNewsSitemap,
  renderSitemap,
  renderSitemapChunk,
  sitemapTotal,
} from "./sitemap";

const NOW = new Date("2025-07-12T12:00:00Z");
const SITE = "https://news.example.com";
const REFERENCE_SLUG = "russia-becomes-first-nation-to-officially-recognize-taliban-government";
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;

const channel: RssChannel = {
  siteUrl: SITE,
  siteName: "Dateline",
  language: "en",
  title: "Dateline",
  description: "World news",
  path: "/",
  feedPath: "/feed.xml",
};

function publishedIdsNewestFirst(limit: number) {
  return db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.status, "published"), lte(articles.publishedAt, NOW)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all()
    .map((r) => r.id);
}

beforeAll(async () => {
  runMigrations();
  await seedDemo({ now: NOW, siteUrl: SITE });
});

describe("RSS feed", () => {
  it("has the channel fields, a self link and the newest published articles", async () => {
    const items = await listFeedArticles({ now: NOW });
    const doc = parseXml(buildRssFeed(channel, items, NOW));
    expect(doc.rss["@version"]).toBe("2.0");
    expect(doc.rss["@xmlns:atom"]).toBe("http://www.w3.org/2005/Atom");
    expect(doc.rss["@xmlns:content"]).toBe("http://purl.org/rss/1.0/modules/content/");
    const ch = doc.rss.channel;
    expect(ch.title).toBe("Dateline");
    expect(ch.link).toBe(`${SITE}/`);
    expect(ch.description).toBe("World news");
    expect(ch.language).toBe("en");
    expect(ch.lastBuildDate).toMatch(RFC822);
    expect(ch["atom:link"]).toMatchObject({ "@href": `${SITE}/feed.xml`, "@rel": "self", "@type": "application/rss+xml" });
    expect(ch.item.map((i: { link: string }) => i.link)).toEqual(
      items.map((a) => `${SITE}/articles/${a.slug}`),
    );
    expect(items.map((a) => a.id)).toEqual(publishedIdsNewestFirst(50));
    expect(items.length).toBeGreaterThan(10);
  });

  it("gives every item an absolute link, a stable guid, an RFC 822 date, summary, content and categories", async () => {
    const items = await listFeedArticles({ now: NOW });
    const doc = parseXml(buildRssFeed(channel, items, NOW));
    const drafts = db.select({ slug: articles.slug }).from(articles).where(eq(articles.status, "draft")).all();
    doc.rss.channel.item.forEach((item: Record<string, any>, i: number) => {
      const a = items[i];
      expect(item.title).toBe(a.title);
      expect(item.link).toMatch(new RegExp(`^${SITE}/articles/[a-z0-9-]+$`));
      expect(item.guid["#text"]).toBe(`news.example.com:article:${a.id}`);
      expect(item.guid["@isPermaLink"]).toBe("false");
      expect(item.pubDate).toMatch(RFC822);
      expect(new Date(item.pubDate).toISOString()).toBe(a.publishedAt);
      expect(item.description.length).toBeGreaterThan(20);
      expect(item["content:encoded"]).toMatch(/^<p>/);
      expect(item["dc:creator"]).toBe(a.author.name);
      expect(item.category.map((c: { "#text": string }) => c["#text"])).toEqual(a.tags.map((t) => t.name));
      for (const c of item.category) expect(c["@domain"]).toMatch(new RegExp(`^${SITE}/tags/[a-z0-9-]+$`));
      expect(drafts.map((d) => `${SITE}/articles/${d.slug}`)).not.toContain(item.link);
    });
    const reference = doc.rss.channel.item.find((i: { link: string }) => i.link.endsWith(REFERENCE_SLUG));
    expect(reference.category.map((c: { "#text": string }) => c["#text"])).toEqual([...REFERENCE_TAGS]);
    // The reference article has no dek: its summary is the opening of the body.
    expect(reference.description).toMatch(/^\S/);
  });

  it("stays well-formed and faithful with hostile titles and bodies", async () => {
    const author = db.select().from(authors).get()!;
    const title = `A ]]> B ]]> <script>alert(1)</script> & "C" \u0001`;
    const row = db
      .insert(articles)
      .values({
        slug: "hostile-feed-probe",
        title,
        dek: `Dek ]]> with <b>tags</b> & ]]> twice`,
        body: `Para ]]> one ]]> two\n\n<script>alert(2)</script><iframe src="x"></iframe>\n\n[x](javascript:alert(3)) ![i](/media/a.png) [rel](/tags/russia)`,
        status: "published",
        publishedAt: new Date(NOW.getTime() - 1000),
        updatedAt: NOW,
        authorId: author.id,
      })
      .returning({ id: articles.id })
      .get();
    try {
      const items = await listFeedArticles({ now: NOW });
      const doc = parseXml(buildRssFeed(channel, items, NOW));
      const item = doc.rss.channel.item.find((i: { link: string }) => i.link.endsWith("hostile-feed-probe"));
      expect(item.title.replace(/\u200B/g, "")).toBe(title.replace("\u0001", ""));
      expect(item.description).toBe("Dek ]]&gt; with &lt;b&gt;tags&lt;/b&gt; &amp; ]]&gt; twice");
      const content: string = item["content:encoded"];
      expect(content).not.toMatch(/<script|<iframe|javascript:/i);
      expect(content).toContain(`src="${SITE}/media/a.png"`);
      expect(content).toContain(`href="${SITE}/tags/russia"`);
      expect(content).toContain("Para ]]&gt; one ]]&gt; two");
    } finally {
      db.delete(articles).where(eq(articles.id, row.id)).run();
    }
  });

  it("per tag: only that tag's published articles, newest first", async () => {
    const tag = (await getTagBySlug("taliban"))!;
    const items = await listFeedArticlesByTag(tag.id, { now: NOW });
    expect(items.map((a) => a.slug)).toContain(REFERENCE_SLUG);
    for (const a of items) expect(a.tags.map((t) => t.slug)).toContain("taliban");
    const times = items.map((a) => a.publishedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const doc = parseXml(
      buildRssFeed({ ...channel, title: "Taliban – Dateline", path: "/tags/taliban", feedPath: "/tags/taliban/feed.xml" }, items, NOW),
    );
    expect(doc.rss.channel.link).toBe(`${SITE}/tags/taliban`);
    expect(doc.rss.channel["atom:link"]["@href"]).toBe(`${SITE}/tags/taliban/feed.xml`);
    expect(await getTagBySlug("no-such-tag")).toBeNull();
  });

  it("an empty feed is still valid RSS", () => {
    const doc = parseXml(buildRssFeed(channel, [], NOW));
    expect(doc.rss.channel.item ?? []).toEqual([]);
    expect(doc.rss.channel.lastBuildDate).toBe(NOW.toUTCString());
  });
});

type Url = { loc: string; lastmod?: string };

async function allUrls(maxUrls: number, now = NOW): Promise<Url[]> {
  const source = querySitemapSource(now);
  const doc = parseXml(await renderSitemap({ siteUrl: SITE, source, maxUrls }));
  if (doc.urlset) return doc.urlset.url;
  const urls: Url[] = [];
  for (const s of doc.sitemapindex.sitemap) {
    const file = parseSitemapChunkName(s.loc.slice(`${SITE}/sitemaps/`.length))!;
    const chunk = parseXml((await renderSitemapChunk(file, { siteUrl: SITE, source, maxUrls }))!);
    // Every listed file holds at least one URL and no more than the limit.
    expect(chunk.urlset.url.length).toBeGreaterThan(0);
    expect(chunk.urlset.url.length).toBeLessThanOrEqual(maxUrls);
    urls.push(...chunk.urlset.url);
  }
  return urls;
}

function publishedArticleLocs(now = NOW): string[] {
  return db
    .select({ slug: articles.slug })
    .from(articles)
    .where(and(eq(articles.status, "published"), lte(articles.publishedAt, now)))
    .orderBy(articles.id)
    .all()
    .map((p) => `${SITE}/articles/${p.slug}`);
}

describe("sitemap", () => {
  it("lists the front page, tag index, tags and authors with articles, and every published article", async () => {
    const doc = parseXml(await renderSitemap({ siteUrl: SITE, source: querySitemapSource(NOW) }));
    expect(doc.urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const urls: Url[] = doc.urlset.url;
    const locs = urls.map((u) => u.loc);
    expect(locs.slice(0, 2)).toEqual([`${SITE}/`, `${SITE}/tags`]);
    expect(new Set(locs).size).toBe(locs.length);
    for (const u of urls) {
      expect(u.loc.startsWith(`${SITE}/`)).toBe(true);
      expect(new Date(u.lastmod!).toISOString()).toBe(u.lastmod);
    }
    // Articles by id, each published one exactly once.
    expect(locs.filter((l) => l.includes("/articles/"))).toEqual(publishedArticleLocs());
    const reference = urls.find((u) => u.loc.endsWith(REFERENCE_SLUG))!;
    expect(reference.lastmod).toBe("2025-07-11T09:00:00.000Z");

    const counts = await countSitemapEntries({ now: NOW });
    expect(locs.filter((l) => l.includes("/tags/"))).toHaveLength(counts.tags);
    expect(locs).toContain(`${SITE}/tags/womens-rights`);
    expect(locs.filter((l) => l.includes("/authors/"))).toHaveLength(counts.authors);
    expect(locs).toContain(`${SITE}/authors/foreign-desk`);
    expect(urls).toHaveLength(sitemapTotal(counts));
  });

  it("counts articles only as far as asked, and names the last published id", async () => {
    const all = await countSitemapEntries({ now: NOW });
    expect(all.articles).toBe(publishedArticleLocs().length);
    expect((await countSitemapEntries({ now: NOW, upTo: 3 })).articles).toBe(4);
    expect((await countSitemapEntries({ now: NOW, upTo: all.articles })).articles).toBe(all.articles);
    const last = db
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.status, "published"), lte(articles.publishedAt, NOW)))
      .orderBy(desc(articles.id))
      .limit(1)
      .get()!;
    expect(all.lastArticleId).toBe(last.id);
  });

  it("keeps the article count right through publish, unpublish, schedule and delete", async () => {
    const direct = () => publishedArticleLocs().length;
    const counted = async () => (await countSitemapEntries({ now: NOW })).articles;
    expect(await counted()).toBe(direct());
    const draft = db.select({ id: articles.id }).from(articles).where(eq(articles.status, "draft")).get()!;
    db.update(articles).set({ status: "published", publishedAt: new Date(NOW.getTime() - 1000) }).where(eq(articles.id, draft.id)).run();
    expect(await counted()).toBe(direct());
    // Scheduled: published status, not yet due.
    db.update(articles).set({ publishedAt: new Date(NOW.getTime() + 86_400_000) }).where(eq(articles.id, draft.id)).run();
    expect(await counted()).toBe(direct());
    db.update(articles).set({ status: "draft" }).where(eq(articles.id, draft.id)).run();
    expect(await counted()).toBe(direct());
    const author = db.select({ id: authors.id }).from(authors).get()!;
    const added = db
      .insert(articles)
      .values({ slug: "counted-once", title: "Counted once", status: "published", publishedAt: NOW, updatedAt: NOW, authorId: author.id })
      .returning({ id: articles.id })
      .get();
    expect(await counted()).toBe(direct());
    db.delete(articles).where(eq(articles.id, added.id)).run();
    expect(await counted()).toBe(direct());
  });

  it("leaves out tags whose only articles are unpublished", async () => {
    const draft = db.select({ id: articles.id }).from(articles).where(eq(articles.status, "draft")).get()!;
    const tag = db.insert(tags).values({ name: "Draft Only", slug: "draft-only" }).returning({ id: tags.id }).get();
    db.insert(articleTags).values({ articleId: draft.id, tagId: tag.id, position: 99 }).run();
    const urls = await allUrls(50_000);
    expect(urls.map((u) => u.loc)).not.toContain(`${SITE}/tags/draft-only`);
  });

  it("becomes an index of files of at most maxUrls past the threshold, covering the same URLs once", async () => {
    const counts = await countSitemapEntries({ now: NOW });
    const total = sitemapTotal(counts);
    const flat = await allUrls(50_000);
    expect(flat).toHaveLength(total);

    const exact = parseXml(await renderSitemap({ siteUrl: SITE, source: querySitemapSource(NOW), maxUrls: total }));
    expect(exact.urlset.url).toHaveLength(total);

    const index = parseXml(await renderSitemap({ siteUrl: SITE, source: querySitemapSource(NOW), maxUrls: total - 1 }));
    expect(index.sitemapindex["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const names = index.sitemapindex.sitemap.map((s: Url) => s.loc.slice(`${SITE}/sitemaps/`.length));
    expect(names[0]).toBe("pages-1.xml");
    expect(names.some((n: string) => n.startsWith("articles-"))).toBe(true);

    for (const maxUrls of [10, 17, total - 1]) {
      const chunked = await allUrls(maxUrls);
      expect(chunked).toEqual(flat);
    }
    const source = querySitemapSource(NOW);
    const options = { siteUrl: SITE, source, maxUrls: 10 };
    expect(await renderSitemapChunk({ kind: "pages", n: Math.ceil((total - counts.articles) / 10) + 1 }, options)).toBeNull();
    expect(await renderSitemapChunk({ kind: "articles", n: Math.ceil(counts.lastArticleId / 10) + 1 }, options)).toBeNull();
    expect(await renderSitemapChunk({ kind: "pages", n: 0 }, options)).toBeNull();
    // No index below the threshold, so no child files either.
    expect(await renderSitemapChunk({ kind: "pages", n: 1 }, { siteUrl: SITE, source })).toBeNull();
  });

  it("keeps an article in the file of its id range, and lists no file whose range holds none", async () => {
    const maxUrls = 10;
    const source = querySitemapSource(NOW);
    const before = parseXml(await renderSitemap({ siteUrl: SITE, source, maxUrls })).sitemapindex.sitemap.map((s: Url) => s.loc);
    // Unpublish every article with an id in 11..20: the second range empties.
    const inRange = db
      .select({ id: articles.id, status: articles.status })
      .from(articles)
      .all()
      .filter((a) => a.id >= 11 && a.id <= 20 && a.status === "published");
    expect(inRange.length).toBeGreaterThan(0);
    for (const a of inRange) db.update(articles).set({ status: "draft" }).where(eq(articles.id, a.id)).run();
    try {
      const after = parseXml(await renderSitemap({ siteUrl: SITE, source, maxUrls })).sitemapindex.sitemap.map((s: Url) => s.loc);
      expect(before).toContain(`${SITE}/sitemaps/articles-2.xml`);
      expect(after).not.toContain(`${SITE}/sitemaps/articles-2.xml`);
      expect(after).toContain(`${SITE}/sitemaps/articles-1.xml`);
      expect(await renderSitemapChunk({ kind: "articles", n: 2 }, { siteUrl: SITE, source, maxUrls })).toBeNull();
      const urls = await allUrls(maxUrls);
      expect(urls.filter((u) => u.loc.includes("/articles/")).map((u) => u.loc)).toEqual(publishedArticleLocs());
    } finally {
      for (const a of inRange) db.update(articles).set({ status: "published" }).where(eq(articles.id, a.id)).run();
    }
  });

  it("leaves scheduled articles out until they are due", async () => {
    const later = new Date(NOW.getTime() + 365 * 86_400_000);
    const now = await allUrls(10, NOW);
    const future = await allUrls(10, later);
    expect(now.filter((u) => u.loc.includes("/articles/")).map((u) => u.loc)).toEqual(publishedArticleLocs(NOW));
    expect(future.filter((u) => u.loc.includes("/articles/")).map((u) => u.loc)).toEqual(publishedArticleLocs(later));
  });

  it("names child files strictly", () => {
    expect(parseSitemapChunkName("pages-1.xml")).toEqual({ kind: "pages", n: 1 });
    expect(parseSitemapChunkName("articles-12.xml")).toEqual({ kind: "articles", n: 12 });
    for (const bad of ["1.xml", "pages-0.xml", "articles-01.xml", "pages-1", "pages-1.xml.gz", "tags-1.xml", "articles--1.xml", "articles-1e3.xml", "articles-99999999.xml"]) {
      expect(parseSitemapChunkName(bad)).toBeNull();
    }
  });
});

describe("News sitemap", () => {
  it("lists articles of the last 48 hours with publication, date and title", async () => {
    const recent = await listNewsSitemapArticles({ now: NOW });
    expect(recent.length).toBeGreaterThan(0);
    const doc = parseXml(
      await renderNewsSitemap({ siteUrl: SITE, siteName: "Dateline & Co <News>", language: "en" }, recent),
    );
    expect(doc.urlset["@xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    const urls = doc.urlset.url;
    expect(urls).toHaveLength(recent.length);
    urls.forEach((u: Record<string, any>, i: number) => {
      expect(u.loc).toBe(`${SITE}/articles/${recent[i].slug}`);
      const news = u["news:news"];
      expect(news["news:publication"]).toEqual({ "news:name": "Dateline & Co <News>", "news:language": "en" });
      expect(news["news:title"]).toBe(recent[i].title);
      const at = new Date(news["news:publication_date"]).getTime();
      expect(at).toBe(new Date(recent[i].publishedAt).getTime());
      expect(at).toBeLessThanOrEqual(NOW.getTime());
      expect(at).toBeGreaterThanOrEqual(NOW.getTime() - 48 * 3_600_000);
    });
    // The reference article (published 27 hours before NOW) is in; nothing older than 48 hours is.
    expect(urls.map((u: Url) => u.loc)).toContain(`${SITE}/articles/${REFERENCE_SLUG}`);
    const older = await listNewsSitemapArticles({ now: new Date(NOW.getTime() + 30 * 86_400_000) });
    expect(older.map((a) => a.slug)).not.toContain(REFERENCE_SLUG);
  });
});
