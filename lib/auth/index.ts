import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getUserByEmail } from "@/db/queries/users";
import { authConfig } from "./config";
import { dummyPasswordHash, verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

/** One generic failure for an unknown email, a wrong password or a deactivated account. */
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
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

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const user = await checkCredentials(credentials);
        if (!user) throw new InvalidCredentials();
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
});
