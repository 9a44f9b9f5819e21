"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/admin/form";
import type { UserRole } from "@/db/schema";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/policy";
import {
  createUserAction,
  resetUserPasswordAction,
  setUserActiveAction,
  updateUserDetailsAction,
  type PasswordResetState,
  type UserFormState,
  type UserStatusState,
} from "./actions";

const ROLE_LABELS: Record<UserRole, string> = {
  admin: "Admin: everything, including users and settings",
  editor: "Editor: articles, tags, authors, ad slots, ads.txt",
};

function RoleSelect({ name, errors, value }: { name: string; errors?: string[]; value?: string }) {
  return (
    <Field name={name} label="Role" errors={errors}>
      {(props) => (
        // key: React resets forms after an action; a remount keeps the submitted choice.
        <select {...props} key={value} defaultValue={value ?? "editor"}>
          {Object.entries(ROLE_LABELS).map(([role, label]) => (
            <option key={role} value={role}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const passwordHint = `At least ${PASSWORD_MIN_LENGTH} characters. Share it with the person privately.`;

export function CreateUserForm() {
  const [state, action] = useActionState<UserFormState, FormData>(createUserAction, {});
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Field name="name" label="Name" errors={state.errors?.name}>
        {(props) => <input {...props} autoComplete="off" required maxLength={120} defaultValue={state.values?.name ?? ""} />}
      </Field>
      <Field name="email" label="Email" errors={state.errors?.email}>
        {(props) => <input {...props} type="email" autoComplete="off" required defaultValue={state.values?.email ?? ""} />}
      </Field>
      <RoleSelect name="role" errors={state.errors?.role} value={state.values?.role} />
      <Field name="password" label="Password" errors={state.errors?.password} hint={passwordHint}>
        {(props) => <input {...props} type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} />}
      </Field>
      <SubmitButton pendingLabel="Creating…">Create user</SubmitButton>
    </form>
  );
}

export function UserDetailsForm({ userId, name, role }: { userId: number; name: string; role: string }) {
  const [state, action] = useActionState<UserFormState, FormData>(updateUserDetailsAction.bind(null, userId), {
    values: { name, role },
  });
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Field name="name" label="Name" errors={state.errors?.name}>
        {(props) => <input {...props} required maxLength={120} defaultValue={state.values?.name ?? name} />}
      </Field>
      <RoleSelect name="role" errors={state.errors?.role} value={state.values?.role ?? role} />
      <SubmitButton>Save changes</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ userId }: { userId: number }) {
  const [state, action] = useActionState<PasswordResetState, FormData>(resetUserPasswordAction.bind(null, userId), {});
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Field name="password" label="New password" errors={state.errors?.password} hint={passwordHint}>
        {(props) => <input {...props} type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} />}
      </Field>
      <SubmitButton pendingLabel="Resetting…">Reset password</SubmitButton>
    </form>
  );
}

export function UserStatusForm({ userId, active, name }: { userId: number; active: boolean; name: string }) {
  const [state, action] = useActionState<UserStatusState, FormData>(setUserActiveAction.bind(null, userId), {});
  return (
    <form action={action} className="stack">
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <p className="field-hint">
        {active
          ? `${name} can sign in. Deactivating signs them out at their next request and keeps their articles.`
          : `${name} is deactivated and cannot sign in.`}
      </p>
      <SubmitButton className={active ? "danger" : undefined} pendingLabel={active ? "Deactivating…" : "Reactivating…"}>
        {active ? "Deactivate user" : "Reactivate user"}
      </SubmitButton>
    </form>
  );
}
