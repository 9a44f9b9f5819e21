import { sql, type SQL } from "drizzle-orm";
import { sqlite } from "@/db";
import { articles } from "@/db/schema";
import { preparedOnce } from "./prepared";

/**
 * Full-text search through the `articles_fts` index (title, dek, body, tag names; rowid =
 * articles.id, kept in sync by triggers). Whatever a reader types is treated as plain words:
 * the input is split into letter/digit runs and each becomes a quoted FTS5 string, so operators
 * (AND, OR, NOT, NEAR, *, ^, quotes, column filters) and SQL fragments have no effect.
 */

export const SEARCH_PAGE_SIZE = 10;
/** Deepest results page served, so ranking never pages past MAX_SEARCH_PAGE × page size. */
export const MAX_SEARCH_PAGE = 50;
/** Longest query considered, and most words kept from it. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 12;
/** Counting stops here: "more than 1,000 results" is all a reader needs to know. */
export const MAX_COUNTED_RESULTS = 1000;

/**
 * Matches ranked per query, newest first. Enough for every reachable page
 * (MAX_SEARCH_PAGE × page size) and for the count shown.
 */
export const RANK_WINDOW = 1000;

/** bm25 weights per column, in index order: title, dek, body, tags. */
const BM25_WEIGHTS = "10.0, 4.0, 1.0, 3.0";

/**
 * A word found in more articles than this ("said", "the", "officials" in a big archive) tells
 * little about relevance, and bm25 would count every article holding it (~2 ms per word at
 * 100,000 articles, before ranking anything). Queries with such a word are ranked by where the
 * words occur instead, with the same column order as the bm25 weights: title, dek, tags, body,
 * newest first within each. Other queries are ranked by bm25.
 */
export const COMMON_TERM_ARTICLES = 2000;

const termArticles = preparedOnce(() =>
  sqlite().prepare(`SELECT count(*) AS n FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)`),
);

/** Whether a word occurs in more than `threshold` articles (reads at most that many index entries). */
function isCommonTerm(term: string, threshold: number): boolean {
  const { n } = termArticles().get(`"${term}"`, threshold + 1) as { n: number };
  return n > threshold;
}

/** The query restricted to one column at a time, for the tiered ranking. */
function columnMatches(match: string) {
  return { title: `{title} : (${match})`, dek: `{dek} : (${match})`, tags: `{tags} : (${match})` };
}

// Both rank the newest RANK_WINDOW matches only: FTS5 walks a doclist newest-first without
// scoring it, so a word found in every article costs the same as a rare one. CROSS JOIN keeps
// the FTS index as the outer loop (never a scan of all articles).
const bm25Search = preparedOnce(() => sqlite().prepare(`
  SELECT a.id, a.slug, a.title, a.dek, a.published_at
    FROM (SELECT rowid AS id, bm25(articles_fts, ${BM25_WEIGHTS}) AS score
            FROM articles_fts WHERE articles_fts MATCH @match
           ORDER BY rowid DESC LIMIT ${RANK_WINDOW}) f
   CROSS JOIN articles a ON a.id = f.id
   WHERE a.status = 'published' AND a.published_at <= @now
   ORDER BY f.score, a.published_at DESC
   LIMIT @limit OFFSET @offset`));

// The column checks only read the window's part of each doclist (rowid >= its oldest match).
const tieredSearch = preparedOnce(() => sqlite().prepare(`
  WITH w AS (SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH @match
              ORDER BY rowid DESC LIMIT ${RANK_WINDOW}),
       lo AS (SELECT coalesce(min(id), 0) AS id FROM w),
       in_title AS (SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH @title AND rowid >= (SELECT id FROM lo)),
       in_dek AS (SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH @dek AND rowid >= (SELECT id FROM lo)),
       in_tags AS (SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH @tags AND rowid >= (SELECT id FROM lo))
  SELECT a.id, a.slug, a.title, a.dek, a.published_at
    FROM w CROSS JOIN articles a ON a.id = w.id
   WHERE a.status = 'published' AND a.published_at <= @now
   ORDER BY CASE WHEN w.id IN (SELECT id FROM in_title) THEN 0
                 WHEN w.id IN (SELECT id FROM in_dek) THEN 1
                 WHEN w.id IN (SELECT id FROM in_tags) THEN 2
                 ELSE 3 END,
            a.published_at DESC
   LIMIT @limit OFFSET @offset`));

/** Private-use sentinels around matches; replaced by <mark> only after the text is escaped. */
const OPEN = "\uE000";
const CLOSE = "\uE001";

/** The words of a query, as the FTS5 unicode61 tokenizer would see them (letters and digits). */
export function queryTerms(input: unknown): string[] {
  if (typeof input !== "string") return [];
  const words = input.slice(0, MAX_QUERY_LENGTH).normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [];
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const word of words) {
    const key = word.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(word);
    if (terms.length === MAX_QUERY_TERMS) break;
  }
  return terms;
}

/**
 * An FTS5 MATCH expression requiring every word, or null when the input has no words. Terms are
 * quoted strings (they hold only letters and digits, so no quote can occur inside); `prefix`
 * lets each word match as the start of a longer one, for the editors' type-ahead filter.
 */
export function toFtsQuery(input: unknown, options: { prefix?: boolean } = {}): string | null {
  const terms = queryTerms(input);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t}"${options.prefix ? "*" : ""}`).join(" ");
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Turns text carrying OPEN/CLOSE sentinels into safe HTML: everything is escaped first, then
 * each sentinel pair becomes <mark>…</mark>. Stray sentinels are dropped, so the marks are
 * always balanced.
 */
export function markedHtml(text: string): string {
  let out = "";
  let open = false;
  for (const part of escapeHtml(text).split(/([\uE000\uE001])/)) {
    if (part === OPEN) {
      if (!open) out += "<mark>";
      open = true;
    } else if (part === CLOSE) {
      if (open) out += "</mark>";
      open = false;
    } else {
      out += part;
    }
  }
  return open ? `${out}</mark>` : out;
}

/** Markdown punctuation that would read as noise in a plain snippet. */
function stripMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(^|\s)#{1,6}\s/g, "$1")
    .replace(/[*_`~]{1,3}/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export type SearchHit = {
  id: number;
  slug: string;
  title: string;
  /** Title with matches wrapped in <mark>, HTML-escaped. */
  titleHtml: string;
  /** A short excerpt around the best match, HTML-escaped, matches wrapped in <mark>. */
  snippetHtml: string;
  dek: string;
  publishedAt: string;
};

export type SearchResults = {
  query: string;
  terms: string[];
  hits: SearchHit[];
  page: number;
  /** Matches counted up to MAX_COUNTED_RESULTS (`totalIsCapped` tells when it stopped there). */
  total: number;
  totalIsCapped: boolean;
  hasPrevious: boolean;
  hasNext: boolean;
};

type HitRow = { id: number; slug: string; title: string; dek: string; published_at: number };
type MarkRow = { id: number; title_marked: string; body_snippet: string; dek_snippet: string };

/** The excerpt under a result: where the body matches, else the dek, else the body's opening. */
function pickSnippet(r: MarkRow): string {
  if (r.body_snippet.includes(OPEN)) return r.body_snippet;
  if (r.dek_snippet.includes(OPEN)) return r.dek_snippet;
  return r.body_snippet || r.dek_snippet;
}

/** Coerces whatever arrived as ?page= into a page number in 1..MAX_SEARCH_PAGE, else null. */
export function parseSearchPage(raw: unknown): number | null {
  if (raw === undefined || raw === null || raw === "") return 1;
  if (typeof raw !== "string" || !/^[1-9][0-9]{0,3}$/.test(raw)) return null;
  const page = Number(raw);
  return page <= MAX_SEARCH_PAGE ? page : null;
}

/**
 * Published, due articles matching every word of `input`, best first (bm25, title weighted
 * highest; by matched column then date when a word is common, see COMMON_TERM_ARTICLES), one
 * page at a time. Never throws on odd input: no words or an out-of-range page
 * give an empty result.
 */
export async function searchPublishedArticles(
  input: unknown,
  options: { page?: number; now: Date; pageSize?: number; commonTermArticles?: number },
): Promise<SearchResults> {
  const page = options.page ?? 1;
  const pageSize = options.pageSize ?? SEARCH_PAGE_SIZE;
  const query = typeof input === "string" ? input.slice(0, MAX_QUERY_LENGTH).trim() : "";
  const terms = queryTerms(query);
  const match = toFtsQuery(query);
  const empty: SearchResults = {
    query,
    terms,
    hits: [],
    page,
    total: 0,
    totalIsCapped: false,
    hasPrevious: page > 1,
    hasNext: false,
  };
  if (!match || !Number.isInteger(page) || page < 1 || page > MAX_SEARCH_PAGE) return empty;

  const now = options.now.getTime();
  const db = sqlite();
  try {
    const params = { match, now, limit: pageSize + 1, offset: (page - 1) * pageSize };
    const rows = (
      terms.some((t) => isCommonTerm(t, options.commonTermArticles ?? COMMON_TERM_ARTICLES))
        ? tieredSearch().all({ ...params, ...columnMatches(match) })
        : bm25Search().all(params)
    ) as HitRow[];
    const shown = rows.slice(0, pageSize);
    const marks = new Map<number, MarkRow>();
    if (shown.length > 0) {
      const marked = db
        .prepare(
          `SELECT rowid AS id,
                  highlight(articles_fts, 0, '${OPEN}', '${CLOSE}') AS title_marked,
                  snippet(articles_fts, 2, '${OPEN}', '${CLOSE}', '…', 28) AS body_snippet,
                  snippet(articles_fts, 1, '${OPEN}', '${CLOSE}', '…', 28) AS dek_snippet
             FROM articles_fts
            WHERE articles_fts MATCH ? AND rowid IN (${shown.map(() => "?").join(",")})`,
        )
        .all(match, ...shown.map((r) => r.id)) as MarkRow[];
      for (const m of marked) marks.set(m.id, m);
    }
    // CROSS JOIN keeps the FTS index as the outer loop (never a scan of all articles).
    const counted = db
      .prepare(
        `SELECT count(*) AS n FROM (
           SELECT 1 FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH ? AND a.status = 'published' AND a.published_at <= ?
            LIMIT ?)`,
      )
      .get(match, now, MAX_COUNTED_RESULTS + 1) as { n: number };
    const hits = shown.map((r) => {
      const m = marks.get(r.id);
      return {
        id: r.id,
        slug: r.slug,
        title: r.title,
        titleHtml: markedHtml(m?.title_marked ?? r.title),
        snippetHtml: markedHtml(stripMarkdown(m ? pickSnippet(m) : r.dek)),
        dek: r.dek,
        publishedAt: new Date(r.published_at).toISOString(),
      };
    });
    return {
      ...empty,
      hits,
      total: Math.min(counted.n, MAX_COUNTED_RESULTS),
      totalIsCapped: counted.n > MAX_COUNTED_RESULTS,
      hasNext: rows.length > pageSize,
    };
  } catch (error) {
    // The query is built from quoted words only, so this is not expected; a reader still never
    // sees a 500 for what they typed.
    console.error("search failed", error);
    return empty;
  }
}

/**
 * A drizzle condition for the admin article list's text filter: articles of any status whose
 * title, dek, body or tags contain every word (each word also matching as a prefix). Undefined
 * when the text has no words, so callers can pass it straight into `and(…)`.
 */
export function articleTextFilter(input: unknown): SQL | undefined {
  const match = toFtsQuery(input, { prefix: true });
  if (!match) return undefined;
  return sql`${articles.id} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${match})`;
}

/** Ids of articles of any status matching the text, best first (bounded). */
export async function searchArticleIds(input: unknown, limit = 200): Promise<number[]> {
  const match = toFtsQuery(input, { prefix: true });
  if (!match) return [];
  const rows = sqlite()
    .prepare(
      `SELECT id FROM (SELECT rowid AS id, bm25(articles_fts, ${BM25_WEIGHTS}) AS score
                         FROM articles_fts WHERE articles_fts MATCH ?
                        ORDER BY rowid DESC LIMIT ${RANK_WINDOW})
        ORDER BY score LIMIT ?`,
    )
    .all(match, Math.max(1, Math.min(limit, 1000))) as { id: number }[];
  return rows.map((r) => r.id);
}
