"use client";

import { useActionState, useRef } from "react";
import { deleteArticleAction } from "@/app/admin/articles/actions";
import { FormMessage, SubmitButton } from "@/components/admin/form";
import type { ActionState } from "@/lib/actions";

/** Delete behind a confirmation dialog; the server also requires the confirmation field. */
export function ArticleDeleteForm({ id, title }: { id: number; title: string }) {
  const [state, formAction] = useActionState<ActionState, FormData>(deleteArticleAction, {});
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <section className="danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete</h2>
      <p>Deleting removes the article, its revisions and its old addresses. This cannot be undone.</p>
      <FormMessage message={state.message} />
      <button type="button" className="danger" onClick={() => dialog.current?.showModal()}>
        Delete article…
      </button>
      <dialog ref={dialog} aria-labelledby="delete-dialog-title">
        <form action={formAction}>
          <h2 id="delete-dialog-title">Delete “{title}”?</h2>
          <p>The article will disappear from the site at once and cannot be restored.</p>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="confirm" value="delete" />
          <div className="button-row">
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <SubmitButton className="danger" pendingLabel="Deleting…">
              Delete permanently
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </section>
  );
}
