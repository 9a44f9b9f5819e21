"use client";

import { deleteTagAction } from "@/app/admin/tags/actions";
import { ConfirmDeleteForm } from "@/components/admin/confirm-delete-form";

export function TagDeleteForm({ id, name, articles }: { id: number; name: string; articles: number }) {
  return (
    <ConfirmDeleteForm
      action={deleteTagAction}
      id={id}
      openLabel="Delete tag…"
      titleId="delete-tag-title"
      title={<>Delete the tag “{name}”?</>}
    >
      <p>
        It is removed from {articles} {articles === 1 ? "article" : "articles"}; they keep their other tags. Its page stops existing.
      </p>
    </ConfirmDeleteForm>
  );
}
