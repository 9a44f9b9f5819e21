import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getUserByEmail } from "@/db/queries/users";
import { recordAudit } from "@/lib/audit";
import { clientIpFrom } from "./client-ip";
import { authConfig } from "./config";
import { dummyPasswordHash, verifyPassword } from "./password";
import { loginLimiter } from "./rate-limit";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

/** One generic failure for an unknown email, a wrong password or a deactivated account. */
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

/** Too many recent failures for this account or client address; the password was not checked. */
export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

/** Checks an email and password; the account's row on success, null otherwise. */
export async function checkCredentials(input: unknown) {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await getUserByEmail(parsed.data.email);
  // Verify against a dummy hash when the account is unknown, so timing does not reveal it.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), parsed.data.password);
  if (!user || !ok || !user.active) return null;
  return user;
}

/** The email as typed, normalised, for rate-limit keys and the audit log. */
export function attemptedEmail(credentials: Partial<Record<string, unknown>> | undefined): string {
  const email = credentials?.email;
  return typeof email === "string" ? email.trim().toLowerCase().slice(0, 254) : "";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an expected outcome (and is in the audit log), not a server error.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error(`[auth][error] ${error.name}: ${error.message}`, error.cause ?? "");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // Both ways in (the login form's server action and POST /api/auth/callback/credentials)
      // pass through here, so both are rate-limited and audited.
      async authorize(credentials, request) {
        const attempt = { email: attemptedEmail(credentials), ip: clientIpFrom(request.headers) };
        if ((await loginLimiter.check(attempt)).blocked) throw new TooManyAttempts();
        const user = await checkCredentials(credentials);
        if (!user) {
          await loginLimiter.recordFailure(attempt);
          await recordAudit({
            user: null,
            actor: attempt.email,
            action: "auth.sign-in-failed",
            entityType: "user",
            summary: "Wrong email or password",
            ip: attempt.ip,
          });
          throw new InvalidCredentials();
        }
        await loginLimiter.recordSuccess(attempt);
        await recordAudit({
          user,
          action: "auth.sign-in",
          entityType: "user",
          entityId: user.id,
          summary: "Signed in",
          ip: attempt.ip,
        });
        return {
          id: String(user.id),
          email: user.email,
          name: user.name,
          role: user.role,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (!token?.uid) return;
      await recordAudit({
        user: { id: Number(token.uid), email: String(token.email ?? "") },
        action: "auth.sign-out",
        entityType: "user",
        entityId: Number(token.uid),
        summary: "Signed out",
      });
    },
  },
});
