import styles from "./search.module.css";

/** The search page's own form: a plain GET to /search, so it works without JavaScript. */
export function SearchForm({ query }: { query: string }) {
  return (
    <form className={styles.form} role="search" action="/search" method="get">
      <label htmlFor="search-query">Search terms</label>
      <div className={styles.row}>
        <input
          id="search-query"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={200}
          autoComplete="off"
          enterKeyHint="search"
        />
        <button type="submit">Search</button>
      </div>
    </form>
  );
}
