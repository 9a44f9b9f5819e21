import type { z } from "zod";

/**
 * What every form action returns: one message, errors per field (shown beside the field), and
 * the values the editor typed so the form keeps them.
 */
export type ActionState<Values extends Record<string, unknown> = Record<string, string>> = {
  ok?: boolean;
  message?: string;
  errors?: Partial<Record<keyof Values | "form", string[]>>;
  values?: Partial<Values>;
};

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
