import Link from "next/link";
import type { AdminArticleFilters, AdminArticleRow, AdminStatusFilter } from "@/db/queries/admin-articles";
import { ArticleStatusBadge } from "./article-status";
import { ZonedTime } from "./zoned-time";

const STATUS_TABS: { value: AdminStatusFilter | ""; label: string }[] = [
  { value: "", label: "All" },
  { value: "draft", label: "Drafts" },
  { value: "scheduled", label: "Scheduled" },
  { value: "published", label: "Published" },
  { value: "late", label: "Late" },
];

type Search = Record<string, string | string[] | undefined>;

function hrefWith(params: Search, changes: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value && k !== "deleted") q.set(k, value);
  }
  for (const [k, v] of Object.entries(changes)) {
    if (v) q.set(k, v);
    else q.delete(k);
  }
  const s = q.toString();
  return `/admin/articles${s ? `?${s}` : ""}`;
}

/** A GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export function ArticleListFilters({
  filters,
  counts,
  tagText,
  authors,
}: {
  filters: AdminArticleFilters;
  counts: Record<AdminStatusFilter | "all", number>;
  tagText: string;
  authors: { id: number; name: string }[];
}) {
  const current = filters.status ?? "";
  const base: Search = {
    q: filters.text,
    tag: tagText || undefined,
    author: filters.authorId ? String(filters.authorId) : undefined,
    sort: filters.sort === "published" ? "published" : undefined,
  };
  return (
    <>
      <nav aria-label="Article status" className="status-tabs">
        <ul>
          {STATUS_TABS.map((t) => (
            <li key={t.value}>
              <Link href={hrefWith(base, { status: t.value || undefined })} aria-current={current === t.value ? "page" : undefined}>
                {t.label} <span className="count">{counts[t.value || "all"]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/admin/articles" className="filters" role="search" aria-label="Filter articles">
        {current ? <input type="hidden" name="status" value={current} /> : null}
        <div className="field">
          <label htmlFor="filter-q">Text</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.text ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="filter-tag">Tag</label>
          <input id="filter-tag" name="tag" type="text" defaultValue={tagText} placeholder="name or slug" />
        </div>
        <div className="field">
          <label htmlFor="filter-author">Author</label>
          <select id="filter-author" name="author" defaultValue={filters.authorId ? String(filters.authorId) : ""}>
            <option value="">Any author</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-sort">Sort by</label>
          <select id="filter-sort" name="sort" defaultValue={filters.sort ?? "updated"}>
            <option value="updated">Last updated</option>
            <option value="published">Publication date</option>
          </select>
        </div>
        <button type="submit">Filter</button>
        <Link href={current ? `/admin/articles?status=${current}` : "/admin/articles"}>Clear</Link>
      </form>
    </>
  );
}

export function ArticleList({ rows, zone, total }: { rows: AdminArticleRow[]; zone: string; total: number }) {
  if (rows.length === 0) return <p className="empty">No articles match these filters.</p>;
  return (
    <table className="admin-table article-table">
      <caption className="visually-hidden">{total} articles</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col">Author</th>
          <th scope="col">Tags</th>
          <th scope="col">Published / scheduled</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className={r.late ? "late" : undefined}>
            <td>
              <Link href={`/admin/articles/${r.id}/edit`}>{r.title}</Link>
              <div className="muted small">/{r.slug}</div>
            </td>
            <td>
              <ArticleStatusBadge status={r.status} late={r.late} />
            </td>
            <td>{r.authorName}</td>
            <td className="small">{r.tags.join(", ")}</td>
            <td>
              <ZonedTime date={r.publishedAt} zone={zone} />
            </td>
            <td>
              <ZonedTime date={r.updatedAt} zone={zone} />
              {r.updatedByName ? <div className="muted small">by {r.updatedByName}</div> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Pagination({ page, pageCount, params }: { page: number; pageCount: number; params: Search }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="pager">
      {page > 1 ? <Link href={hrefWith(params, { page: page === 2 ? undefined : String(page - 1) })} rel="prev">← Previous</Link> : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={hrefWith(params, { page: String(page + 1) })} rel="next">Next →</Link> : null}
    </nav>
  );
}
