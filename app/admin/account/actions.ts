"use server";

import { AuthError } from "next-auth";
import { getUserById } from "@/db/queries/users";
import { fieldErrors, type ActionState } from "@/lib/actions";
import { requestIp } from "@/lib/audit";
import { signIn } from "@/lib/auth";
import { withRole } from "@/lib/auth/guards";
import { verifyPassword } from "@/lib/auth/password";
import { loginLimiter, tooManyAttemptsMessage } from "@/lib/auth/rate-limit";
import { changeOwnPassword } from "@/lib/auth/user-admin";
import { passwordChangeSchema } from "@/lib/validation/user";

export type PasswordChangeState = ActionState<{ currentPassword: string; newPassword: string; confirmPassword: string }>;

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export const changeOwnPasswordAction = withRole(
  "editor",
  async (me, _prev: PasswordChangeState, formData: FormData): Promise<PasswordChangeState> => {
    const parsed = passwordChangeSchema.safeParse({
      currentPassword: text(formData, "currentPassword"),
      newPassword: text(formData, "newPassword"),
      confirmPassword: text(formData, "confirmPassword"),
    });
    if (!parsed.success) return { message: "Check the highlighted fields.", errors: fieldErrors(parsed.error) };

    // Guessing the current password from a borrowed session counts like guessing at sign-in.
    const ip = await requestIp();
    const attempt = { email: me.email, ip };
    const limit = await loginLimiter.check(attempt);
    if (limit.blocked) return { message: tooManyAttemptsMessage(limit.retryAfterMs) };
    const row = await getUserById(me.id);
    if (!row || !(await verifyPassword(row.passwordHash, parsed.data.currentPassword))) {
      await loginLimiter.recordFailure(attempt);
      const message = "That is not your current password.";
      return { message, errors: { currentPassword: [message] } };
    }

    await changeOwnPassword(me.id, parsed.data.newPassword, { actor: me, ip });

    // The change ended every session, this one included: sign in again with the new password so
    // the editor stays signed in here while other browsers are signed out.
    try {
      await signIn("credentials", {
        email: me.email,
        password: parsed.data.newPassword,
        redirectTo: "/admin/account?changed=1",
      });
    } catch (error) {
      if (error instanceof AuthError) {
        return { ok: true, message: "Your password has been changed. Sign in again with the new password." };
      }
      throw error;
    }
    return { ok: true, message: "Your password has been changed." };
  },
);
