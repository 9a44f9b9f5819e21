"use client";

import { useActionState } from "react";
import { restoreRevisionAction } from "@/app/admin/articles/actions";
import { FormMessage, SubmitButton } from "@/components/admin/form";
import type { ActionState } from "@/lib/actions";

export function ArticleRestoreForm({
  articleId,
  revisionId,
  version,
  revisionVersion,
}: {
  articleId: number;
  revisionId: number;
  version: number;
  revisionVersion: number;
}) {
  const [state, formAction] = useActionState<ActionState, FormData>(restoreRevisionAction, {});
  return (
    <form action={formAction} className="restore-form">
      <FormMessage message={state.message} />
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="version" value={version} />
      <p>Restoring copies this version’s title, standfirst, body, tags and SEO fields into a new version. The slug, status and author stay as they are.</p>
      <SubmitButton pendingLabel="Restoring…">Restore version {revisionVersion}</SubmitButton>
    </form>
  );
}
