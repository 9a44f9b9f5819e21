"use client";

import { useActionState, useRef } from "react";
import { deleteTagAction } from "@/app/admin/tags/actions";
import { FormMessage, SubmitButton } from "@/components/admin/form";
import type { ActionState } from "@/lib/actions";

export function TagDeleteForm({ id, name, articles }: { id: number; name: string; articles: number }) {
  const [state, formAction] = useActionState<ActionState, FormData>(deleteTagAction, {});
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <FormMessage message={state.message} />
      <button type="button" className="danger" onClick={() => dialog.current?.showModal()}>
        Delete tag…
      </button>
      <dialog ref={dialog} aria-labelledby="delete-tag-title">
        <form action={formAction}>
          <h2 id="delete-tag-title">Delete the tag “{name}”?</h2>
          <p>
            It is removed from {articles} {articles === 1 ? "article" : "articles"}; they keep their other tags. Its page stops existing.
          </p>
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
    </>
  );
}
