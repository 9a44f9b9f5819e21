import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArticleForEdit } from "@/db/queries/admin-articles";
import { listRevisions } from "@/db/queries/revisions";
import { ArticleStatusBadge } from "@/components/admin/article-status";
import { ZonedTime } from "@/components/admin/zoned-time";
import { requirePageUser } from "@/lib/auth/guards";
import { editorTimeZone } from "@/lib/time/editor-zone";

export const metadata: Metadata = { title: "Revisions" };

export default async function RevisionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  await requirePageUser("editor", `/admin/articles/${encodeURIComponent(rawId)}/revisions`);
  const article = /^\d{1,12}$/.test(rawId) ? await getArticleForEdit(Number(rawId)) : null;
  if (!article) notFound();
  const [revisions, zone] = await Promise.all([listRevisions(article.id), editorTimeZone()]);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/articles">Articles</Link> / <Link href={`/admin/articles/${article.id}/edit`}>{article.title}</Link> /
      </p>
      <h1>Revisions</h1>
      <p>Every save keeps a revision. Open one to compare it with the current version and restore it.</p>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Saved</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id}>
              <td>
                <Link href={`/admin/articles/${article.id}/revisions/${r.id}`}>
                  Version {r.version}
                  {r.version === article.version ? " (current)" : ""}
                </Link>
              </td>
              <td>{r.title}</td>
              <td>
                <ArticleStatusBadge status={r.status} />
              </td>
              <td>
                <ZonedTime date={r.createdAt} zone={zone} />
              </td>
              <td>{r.userName ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
