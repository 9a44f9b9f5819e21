"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/admin/form";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/policy";
import { changeOwnPasswordAction, type PasswordChangeState } from "./actions";

export function PasswordChangeForm({ email, initialMessage }: { email: string; initialMessage?: string }) {
  const [state, action] = useActionState<PasswordChangeState, FormData>(
    changeOwnPasswordAction,
    initialMessage ? { ok: true, message: initialMessage } : {},
  );
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field name="currentPassword" label="Current password" errors={state.errors?.currentPassword}>
        {(props) => <input {...props} type="password" autoComplete="current-password" required />}
      </Field>
      <Field
        name="newPassword"
        label="New password"
        errors={state.errors?.newPassword}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      >
        {(props) => <input {...props} type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} />}
      </Field>
      <Field name="confirmPassword" label="Repeat the new password" errors={state.errors?.confirmPassword}>
        {(props) => <input {...props} type="password" autoComplete="new-password" required />}
      </Field>
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}
