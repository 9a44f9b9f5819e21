"use client";

import { useActionState, useRef, type ReactNode } from "react";
import { FormMessage, SubmitButton } from "@/components/admin/form";
import type { ActionState } from "@/lib/actions";

/**
 * Delete behind a confirmation dialog. The form posts `confirm=delete` because the server
 * actions refuse a delete without it.
 */
export function ConfirmDeleteForm({
  action,
  id,
  openLabel,
  titleId,
  title,
  children,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  id: number;
  openLabel: string;
  titleId: string;
  title: ReactNode;
  children: ReactNode;
}) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, {});
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <FormMessage message={state.message} />
      <button type="button" className="danger" onClick={() => dialog.current?.showModal()}>
        {openLabel}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId}>
        <form action={formAction}>
          <h2 id={titleId}>{title}</h2>
          {children}
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
