"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { signIn } from "@/lib/auth";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { safeCallbackPath } from "@/lib/auth/guards";
import { loginLimiter, tooManyAttemptsMessage } from "@/lib/auth/rate-limit";
import type { ActionState } from "@/lib/actions";

export type LoginState = ActionState<{ email: string }>;

const GENERIC_ERROR = "Wrong email or password.";

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  // Anyone can post here: a hand-made call without a form gets the same answer as an empty one.
  if (!(formData instanceof FormData)) return { message: "Enter your email and password." };
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const password = String(formData.get("password") ?? "");
  const redirectTo = safeCallbackPath(formData.get("callbackUrl"));
  if (!email || !password) {
    return { message: "Enter your email and password.", values: { email } };
  }
  const attempt = { email: email.trim().toLowerCase(), ip: clientIpFrom(await headers()) };
  const before = await loginLimiter.check(attempt);
  if (before.blocked) return { message: tooManyAttemptsMessage(before.retryAfterMs), values: { email } };
  try {
    // On success signIn throws Next's redirect, which must propagate.
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    // The failure that reached the limit already answers with the wait.
    const after = await loginLimiter.check(attempt);
    if (after.blocked) return { message: tooManyAttemptsMessage(after.retryAfterMs), values: { email } };
    return { message: GENERIC_ERROR, values: { email } };
  }
  return { message: GENERIC_ERROR, values: { email } };
}
