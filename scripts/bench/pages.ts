/**
 * What each public page reads, expressed as calls to the app's exported query functions — the
 * same functions the page calls, so the bench times the real code. A page whose module or
 * function is not there yet is reported as skipped rather than guessed at.
 */
import type { Fixtures } from "./fixtures";

export type PagePlan = {
  name: string;
  path: string;
  calls: string[];
  run: () => Promise<unknown>;
  missing?: string;
};

type AnyFn = (...args: never[]) => Promise<unknown>;
type Module = Record<string, unknown>;

async function load(specifier: string): Promise<Module | null> {
  try {
    return (await import(specifier)) as Module;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") return null;
    throw error;
  }
}

/** Resolves "module#name" references; returns the functions or what is missing. */
async function resolve(refs: string[]): Promise<{ fns: Record<string, AnyFn>; missing?: string }> {
  const fns: Record<string, AnyFn> = {};
  for (const ref of refs) {
    const [mod, name] = ref.split("#");
    // "articles#fn" is db/queries/articles.ts; a path ("lib/feeds/sitemap#fn") is taken as it is.
    const file = mod.includes("/") ? mod : `db/queries/${mod}`;
    const module = await load(`@/${file}`);
    if (!module) return { fns, missing: `${file}.ts not on this branch` };
    if (typeof module[name] !== "function") return { fns, missing: `${mod}.${name} not exported` };
    fns[name] = module[name] as AnyFn;
  }
  return { fns };
}

type Spec = { name: string; path: string; calls: string[]; run: (f: Record<string, AnyFn>) => Promise<unknown> };

/** The first and last child sitemap files at the bench's size (a look-up, not timed). */
async function sitemapFileNames(now: Date): Promise<string[]> {
  const module = await load("@/lib/feeds/sitemap");
  if (typeof module?.sitemapFiles !== "function" || typeof module.querySitemapSource !== "function") return [];
  const files = (await module.sitemapFiles(module.querySitemapSource(now))) as { kind: string; n: number }[];
  const last = files.filter((f) => f.kind === "articles").at(-1);
  return [files[0], last].filter((f) => f !== undefined).map((f) => `${f.kind}-${f.n}.xml`);
}

function sitemapFileSpecs(names: string[], now: Date): Spec[] {
  return names.map((name) => ({
    name: `sitemaps/${name}`,
    path: `/sitemaps/${name}`,
    calls: [
      "lib/feeds/sitemap#querySitemapSource",
      "lib/feeds/sitemap#parseSitemapChunkName",
      "lib/feeds/sitemap#sitemapFileEntries",
    ],
    run: async (f) => {
      const source = (f.querySitemapSource as unknown as (now: Date) => never)(now);
      const file = (f.parseSitemapChunkName as unknown as (name: string) => never)(name);
      return f.sitemapFileEntries(source, file);
    },
  }));
}

export async function pagePlans(fx: Fixtures, constants: { pageSize: number; maxPage: number }): Promise<PagePlan[]> {
  const now = fx.now;
  const tagPages = Math.ceil(fx.bigTag.articles / constants.pageSize);
  const tagDeep = Math.min(tagPages, constants.maxPage);
  const frontDeep = Math.min(Math.ceil(fx.publishedArticles / constants.pageSize), constants.maxPage);
  const authorDeep = Math.min(Math.ceil(fx.author.articles / constants.pageSize), constants.maxPage);
  const specs: Spec[] = [
    {
      // The masthead and footer of every reader page (cached separately, the tags for an hour).
      name: "site chrome (every page)",
      path: "(layout)",
      calls: ["settings#getSiteSettings", "tags#listTopTags"],
      run: (f) => Promise.all([f.getSiteSettings(), f.listTopTags(now as never, 7 as never)]),
    },
    {
      name: "front page",
      path: "/",
      calls: ["articles#listPublishedArticles", "ad-slots#listPublicSlotsForPlacement"],
      run: (f) =>
        Promise.all([
          f.listPublishedArticles({ page: 1, now } as never),
          ...["front-top", "front-list", "sidebar"].map((p) => f.listPublicSlotsForPlacement(p as never, now as never)),
        ]),
    },
    {
      name: "front /page/500",
      path: "/page/500",
      calls: ["articles#listPublishedArticles"],
      run: (f) => f.listPublishedArticles({ page: 500, now } as never),
    },
    {
      name: `front /page/${frontDeep} (deepest served)`,
      path: `/page/${frontDeep}`,
      calls: ["articles#listPublishedArticles"],
      run: (f) => f.listPublishedArticles({ page: frontDeep, now } as never),
    },
    {
      name: "article (reference)",
      path: `/articles/${fx.referenceSlug}`,
      calls: [
        "articles#getArticleIdBySlug",
        "articles#getPublishedArticleById",
        "articles#listRelatedArticles",
        "ad-slots#listPublicSlotsForPlacement",
      ],
      run: async (f) => {
        const id = (await f.getArticleIdBySlug(fx.referenceSlug as never)) as number;
        const article = (await f.getPublishedArticleById(id as never, now as never)) as { id: number; tags: { id: number }[] };
        return Promise.all([
          f.listRelatedArticles(article.id as never, article.tags.slice(0, 5).map((t) => t.id) as never, now as never),
          ...["article-after-body", "article-after-tags", "article-inline", "sidebar"].map((p) =>
            f.listPublicSlotsForPlacement(p as never, now as never),
          ),
        ]);
      },
    },
    {
      name: "tags index /tags",
      path: "/tags",
      calls: ["tags#listTagsWithCounts"],
      run: (f) => f.listTagsWithCounts(now as never),
    },
    {
      name: `tag page (${fx.bigTag.articles} articles)`,
      path: `/tags/${fx.bigTag.slug}`,
      calls: ["tags#getTagBySlug", "articles#listPublishedArticlesByTag"],
      run: async (f) => {
        const tag = (await f.getTagBySlug(fx.bigTag.slug as never)) as { id: number };
        return f.listPublishedArticlesByTag(tag.id as never, { page: 1, now } as never);
      },
    },
    {
      name: "tag page 500",
      path: `/tags/${fx.bigTag.slug}/page/500`,
      calls: ["tags#getTagBySlug", "articles#listPublishedArticlesByTag"],
      run: async (f) => {
        const tag = (await f.getTagBySlug(fx.bigTag.slug as never)) as { id: number };
        return f.listPublishedArticlesByTag(tag.id as never, { page: Math.min(500, tagDeep), now } as never);
      },
    },
    {
      name: `tag page ${tagDeep} (deepest served)`,
      path: `/tags/${fx.bigTag.slug}/page/${tagDeep}`,
      calls: ["tags#getTagBySlug", "articles#listPublishedArticlesByTag"],
      run: async (f) => {
        const tag = (await f.getTagBySlug(fx.bigTag.slug as never)) as { id: number };
        return f.listPublishedArticlesByTag(tag.id as never, { page: tagDeep, now } as never);
      },
    },
    {
      name: "author page",
      path: `/authors/${fx.author.slug}`,
      calls: ["authors#getAuthorBySlug", "articles#listPublishedArticlesByAuthor"],
      run: async (f) => {
        const author = (await f.getAuthorBySlug(fx.author.slug as never)) as { id: number };
        return f.listPublishedArticlesByAuthor(author.id as never, { page: 1, now } as never);
      },
    },
    {
      name: `author page ${authorDeep} (deepest)`,
      path: `/authors/${fx.author.slug}/page/${authorDeep}`,
      calls: ["authors#getAuthorBySlug", "articles#listPublishedArticlesByAuthor"],
      run: async (f) => {
        const author = (await f.getAuthorBySlug(fx.author.slug as never)) as { id: number };
        return f.listPublishedArticlesByAuthor(author.id as never, { page: authorDeep, now } as never);
      },
    },
    {
      name: `search "${fx.commonWord}"`,
      path: `/search?q=${fx.commonWord}`,
      calls: ["search#searchPublishedArticles"],
      run: (f) => f.searchPublishedArticles(fx.commonWord as never, { page: 1, now } as never),
    },
    {
      name: `search "${fx.rareWord}"`,
      path: `/search?q=${fx.rareWord}`,
      calls: ["search#searchPublishedArticles"],
      run: (f) => f.searchPublishedArticles(fx.rareWord as never, { page: 1, now } as never),
    },
    {
      name: "feed.xml",
      path: "/feed.xml",
      calls: ["feeds#listFeedArticles"],
      run: (f) => f.listFeedArticles({ now } as never),
    },
    {
      name: `tag feed (${fx.bigTag.articles} articles)`,
      path: `/tags/${fx.bigTag.slug}/feed.xml`,
      calls: ["feeds#listFeedArticlesByTag"],
      run: (f) => f.listFeedArticlesByTag(fx.bigTag.id as never, { now } as never),
    },
    {
      name: "news-sitemap.xml",
      path: "/news-sitemap.xml",
      calls: ["feeds#listNewsSitemapArticles"],
      run: (f) => f.listNewsSitemapArticles({ now } as never),
    },
    {
      // The index: bounded counts and one probe per id range of articles.
      name: "sitemap.xml (index)",
      path: "/sitemap.xml",
      calls: ["lib/feeds/sitemap#querySitemapSource", "lib/feeds/sitemap#sitemapFiles"],
      run: (f) => f.sitemapFiles((f.querySitemapSource as unknown as (now: Date) => never)(now)),
    },
    // Child sitemaps, each read whole (then cached whole): the first (tags and authors) and the
    // last file of articles, which costs the same as any other.
    ...sitemapFileSpecs(await sitemapFileNames(now), now),
  ];
  const plans: PagePlan[] = [];
  for (const spec of specs) {
    const { fns, missing } = await resolve(spec.calls);
    plans.push({
      name: spec.name,
      path: spec.path,
      calls: spec.calls.map((c) => c.replace("#", ".")),
      run: () => spec.run(fns),
      missing,
    });
  }
  return plans;
}
