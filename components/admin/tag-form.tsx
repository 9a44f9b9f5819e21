"use client";

import { useActionState } from "react";
import { createTagAction, updateTagAction } from "@/app/admin/tags/actions";
import { Field, FormMessage, SubmitButton } from "@/components/admin/form";
import type { ActionState } from "@/lib/actions";
import { TAG_LIMITS } from "@/lib/validation/tag";

/** Create or rename/describe a tag. A changed slug keeps the old address answering (301). */
export function TagForm({ tag }: { tag: { id: number; name: string; slug: string; description: string } | null }) {
  const [state, formAction] = useActionState<ActionState, FormData>(tag ? updateTagAction : createTagAction, {});
  const v = state.values ?? {};
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      {tag ? <input type="hidden" name="id" value={tag.id} /> : null}
      <Field name="name" label="Name" errors={state.errors?.name} hint={`Up to ${TAG_LIMITS.name} characters.`}>
        {(props) => <input {...props} type="text" required defaultValue={v.name ?? tag?.name ?? ""} />}
      </Field>
      <Field
        name="slug"
        label="Slug"
        errors={state.errors?.slug}
        hint={tag ? "Changing it keeps the old address working (301 redirect)." : "Leave empty to generate it from the name."}
      >
        {(props) => <input {...props} type="text" spellCheck={false} defaultValue={v.slug ?? tag?.slug ?? ""} />}
      </Field>
      <Field name="description" label="Description" errors={state.errors?.description} hint="Shown on the tag page.">
        {(props) => <textarea {...props} rows={3} defaultValue={v.description ?? tag?.description ?? ""} />}
      </Field>
      <SubmitButton>{tag ? "Save tag" : "Create tag"}</SubmitButton>
    </form>
  );
}
