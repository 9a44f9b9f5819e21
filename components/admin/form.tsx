"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

/**
 * Form primitives shared by every admin form: a labelled field whose errors sit beside it
 * (linked with aria-describedby), one live message for the whole form, and a submit button
 * that shows progress.
 */
export function Field({
  name,
  label,
  errors,
  hint,
  children,
}: {
  name: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  children: (props: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        ...(errors?.length ? { "aria-invalid": true as const } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      })}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="field-error">
          {/* Several errors (e.g. one per bad line) each get their own line. */}
          {errors.join("\n")}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ message, ok }: { message?: string; ok?: boolean }) {
  return (
    <div aria-live="polite" className={message ? (ok ? "form-message ok" : "form-message error") : "form-message"}>
      {message ? <p role={ok ? "status" : undefined}>{message}</p> : null}
    </div>
  );
}

export function SubmitButton({ children, pendingLabel, ...rest }: { children: ReactNode; pendingLabel?: string } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending || rest.disabled} aria-disabled={pending} {...rest}>
      {pending ? (pendingLabel ?? "Saving…") : children}
    </button>
  );
}
