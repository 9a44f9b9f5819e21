"use client";

import { deleteArticleAction } from "@/app/admin/articles/actions";
import { ConfirmDeleteForm } from "@/components/admin/confirm-delete-form";

export function ArticleDeleteForm({ id, title }: { id: number; title: string }) {
  return (
    <section className="danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete</h2>
      <p>Deleting removes the article, its revisions and its old addresses. This cannot be undone.</p>
      <ConfirmDeleteForm
        action={deleteArticleAction}
        id={id}
        openLabel="Delete article…"
        titleId="delete-dialog-title"
        title={<>Delete “{title}”?</>}
      >
        <p>The article will disappear from the site at once and cannot be restored.</p>
      </ConfirmDeleteForm>
    </section>
  );
}
