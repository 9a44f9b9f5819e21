"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/guards";
import type { ActionState } from "@/lib/actions";

export type LoginState = ActionState<{ email: string }>;

const GENERIC_ERROR = "Wrong email or password.";

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const password = String(formData.get("password") ?? "");
  const redirectTo = safeCallbackPath(formData.get("callbackUrl"));
  if (!email || !password) {
    return { message: "Enter your email and password.", values: { email } };
  }
  try {
    // On success signIn throws Next's redirect, which must propagate.
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) return { message: GENERIC_ERROR, values: { email } };
    throw error;
  }
  return { message: GENERIC_ERROR, values: { email } };
}
