import { SEARCH_PAGE_SIZE, type SearchResults as Results } from "@/db/queries/search";
import styles from "./search.module.css";

function searchHref(query: string, page: number): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * Ranked results. Titles and snippets arrive as HTML that the query module escaped before adding
 * <mark> around the matched words, so they are set as HTML; everything else is plain text.
 */
export function SearchResults({ results }: { results: Results }) {
  const { query, hits, page, total, totalIsCapped } = results;
  if (hits.length === 0) {
    return (
      <p className={styles.summary} role="status">
        {page > 1 ? `No more results for “${query}”.` : `No articles match “${query}”. Try fewer or different words.`}
      </p>
    );
  }
  const count = totalIsCapped ? `More than ${total.toLocaleString("en")}` : total.toLocaleString("en");
  return (
    <section aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" className={styles.summary}>
        {count} {total === 1 && !totalIsCapped ? "result" : "results"} for “{query}”
        {page > 1 ? `, page ${page}` : ""}
      </h2>
      <ol className={styles.results} start={(page - 1) * SEARCH_PAGE_SIZE + 1}>
        {hits.map((hit) => (
          <li key={hit.id} className={styles.hit}>
            <h3 className={styles.headline}>
              <a href={`/articles/${hit.slug}`} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
            </h3>
            <p className={styles.snippet} dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
            <p className={styles.meta}>
              <time dateTime={hit.publishedAt}>{dateFormat.format(new Date(hit.publishedAt))}</time>
            </p>
          </li>
        ))}
      </ol>
      {results.hasPrevious || results.hasNext ? (
        <nav className={styles.pagination} aria-label="Search results pages">
          {results.hasPrevious ? (
            <a rel="prev" href={searchHref(query, page - 1)}>
              <span aria-hidden="true">← </span>Previous results
            </a>
          ) : (
            <span />
          )}
          <span aria-current="page">Page {page}</span>
          {results.hasNext ? (
            <a rel="next" href={searchHref(query, page + 1)}>
              Next results<span aria-hidden="true"> →</span>
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}
