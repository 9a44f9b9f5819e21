import type { Metadata } from "next";
import Link from "next/link";
import { listAdminTags } from "@/db/queries/admin-tags";
import { requirePageUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Tags" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 200) ?? "";

export default async function TagsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  await requirePageUser("editor", "/admin/tags");
  const q = one(params.q).trim();
  const list = await listAdminTags({ text: q, page: Number(one(params.page)) || 1 });
  const notice = one(params.created) ? `Created the tag “${one(params.created)}”.` : one(params.deleted) ? `Deleted the tag “${one(params.deleted)}”.` : "";
  const pageHref = (page: number) => `/admin/tags?${new URLSearchParams({ ...(q ? { q } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  return (
    <>
      <div className="page-head">
        <h1>Tags</h1>
        <Link href="/admin/tags/new" className="button primary">
          New tag
        </Link>
      </div>
      {notice ? (
        <p className="form-message ok" role="status">
          {notice}
        </p>
      ) : null}
      <form method="get" action="/admin/tags" className="filters" role="search" aria-label="Find tags">
        <div className="field">
          <label htmlFor="tag-q">Name or slug</label>
          <input id="tag-q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit">Find</button>
      </form>
      {list.rows.length === 0 ? (
        <p className="empty">No tags found.</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">{list.total} tags</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Slug</th>
              <th scope="col">Articles</th>
              <th scope="col">Published</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((t) => (
              <tr key={t.id}>
                <td>
                  <Link href={`/admin/tags/${t.id}/edit`}>{t.name}</Link>
                </td>
                <td className="muted">{t.slug}</td>
                <td>{t.articles}</td>
                <td>{t.published}</td>
                <td className="small">{t.description.slice(0, 120)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.pageCount > 1 ? (
        <nav aria-label="Pages" className="pager">
          {list.page > 1 ? <Link href={pageHref(list.page - 1)}>← Previous</Link> : null}
          <span>
            Page {list.page} of {list.pageCount}
          </span>
          {list.page < list.pageCount ? <Link href={pageHref(list.page + 1)}>Next →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
