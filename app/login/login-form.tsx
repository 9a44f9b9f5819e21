"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/admin/form";
import { loginAction, type LoginState } from "./actions";

export function LoginForm({ callbackUrl, initialMessage }: { callbackUrl: string; initialMessage?: string }) {
  const [state, formAction] = useActionState<LoginState, FormData>(loginAction, { message: initialMessage });
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="email" label="Email">
        {(props) => (
          <input {...props} type="email" autoComplete="username" required defaultValue={state.values?.email ?? ""} />
        )}
      </Field>
      <Field name="password" label="Password">
        {(props) => <input {...props} type="password" autoComplete="current-password" required />}
      </Field>
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
