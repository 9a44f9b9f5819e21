"use client";

import { useActionState, useEffect, useId, useState } from "react";
import { mergeTagAction, suggestTagNamesAction } from "@/app/admin/tags/actions";
import { Field, FormMessage, SubmitButton } from "@/components/admin/form";
import type { ActionState } from "@/lib/actions";

/** Merge this tag into another, named with autocomplete (a datalist of matching names). */
export function TagMergeForm({ id, name }: { id: number; name: string }) {
  const [state, formAction] = useActionState<ActionState, FormData>(mergeTagAction, {});
  const [text, setText] = useState(state.values?.target ?? "");
  const [options, setOptions] = useState<string[]>([]);
  const listId = useId();
  useEffect(() => {
    const q = text.trim();
    if (!q) return;
    const timer = setTimeout(() => {
      suggestTagNamesAction(q)
        .then((names) => setOptions(names.filter((n) => n !== name)))
        .catch(() => setOptions([]));
    }, 200);
    return () => clearTimeout(timer);
  }, [text, name]);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="id" value={id} />
      <Field
        name="target"
        label="Merge into"
        errors={state.errors?.target}
        hint={`Every article tagged “${name}” gets that tag instead; “${name}” is deleted and its address redirects there.`}
      >
        {(props) => <input {...props} type="text" list={listId} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />}
      </Field>
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <SubmitButton pendingLabel="Merging…">Merge tags</SubmitButton>
    </form>
  );
}
