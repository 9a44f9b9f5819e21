/** Link to page `n` of a listing whose first page lives at `basePath`. */
export function pageHref(basePath: string, n: number): string {
  if (n <= 1) return basePath;
  return `${basePath === "/" ? "" : basePath}/page/${n}`;
}

/** Newer/older links for a paginated listing; plain links, so it works without JavaScript. */
export function Pagination({
  basePath,
  page,
  hasPrevious,
  hasNext,
}: {
  basePath: string;
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
}) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      {hasPrevious ? (
        <a className="pagination-link" rel="prev" href={pageHref(basePath, page - 1)}>
          <span aria-hidden="true">← </span>Newer stories
        </a>
      ) : (
        <span />
      )}
      <span className="pagination-current" aria-current="page">
        Page {page}
      </span>
      {hasNext ? (
        <a className="pagination-link" rel="next" href={pageHref(basePath, page + 1)}>
          Older stories<span aria-hidden="true"> →</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
