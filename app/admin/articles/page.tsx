import type { Metadata } from "next";
import Link from "next/link";
import {
  ADMIN_SORTS,
  ADMIN_STATUS_FILTERS,
  countArticlesByStatus,
  listAdminArticles,
  listAuthorOptions,
  type AdminArticleFilters,
} from "@/db/queries/admin-articles";
import { findTagBySlugOrName } from "@/db/queries/admin-tags";
import { ArticleList, ArticleListFilters, Pagination } from "@/components/admin/article-list";
import { EditorZoneCookie } from "@/components/admin/editor-zone-cookie";
import { requirePageUser } from "@/lib/auth/guards";
import { editorTimeZone } from "@/lib/time/editor-zone";

export const metadata: Metadata = { title: "Articles" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 200) ?? "";

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  await requirePageUser("editor", `/admin/articles`);
  const zone = await editorTimeZone();
  const now = new Date();

  const status = one(params.status);
  const sort = one(params.sort);
  const tagText = one(params.tag).trim();
  const tag = tagText ? await findTagBySlugOrName(tagText) : null;
  const authorId = Number(one(params.author)) || undefined;
  const filters: AdminArticleFilters = {
    status: (ADMIN_STATUS_FILTERS as readonly string[]).includes(status) ? (status as AdminArticleFilters["status"]) : undefined,
    sort: (ADMIN_SORTS as readonly string[]).includes(sort) ? (sort as AdminArticleFilters["sort"]) : "updated",
    text: one(params.q).trim() || undefined,
    authorId,
    // An unknown tag matches nothing rather than everything.
    tagId: tagText ? (tag?.id ?? -1) : undefined,
    page: Number(one(params.page)) || 1,
  };
  const [list, counts, authors] = await Promise.all([listAdminArticles(filters, now), countArticlesByStatus(now), listAuthorOptions()]);
  const deleted = one(params.deleted);

  return (
    <>
      <EditorZoneCookie serverZone={zone} />
      <div className="page-head">
        <h1>Articles</h1>
        <Link href="/admin/articles/new" className="button primary">
          New article
        </Link>
      </div>
      {deleted ? (
        <p className="form-message ok" role="status">
          Deleted the article “{deleted}”.
        </p>
      ) : null}
      {counts.late > 0 ? (
        <p className="late-warning" role="alert">
          {counts.late === 1 ? "1 scheduled article is" : `${counts.late} scheduled articles are`} past its publication time and not yet
          published. <Link href="/admin/articles?status=late">Show late articles</Link>
        </p>
      ) : null}
      <ArticleListFilters filters={filters} counts={counts} tagText={tagText} authors={authors} />
      <ArticleList rows={list.rows} zone={zone} total={list.total} />
      <Pagination page={list.page} pageCount={list.pageCount} params={params} />
    </>
  );
}
