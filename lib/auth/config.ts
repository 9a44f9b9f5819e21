import type { NextAuthConfig } from "next-auth";
import type { UserRole } from "@/db/schema";

/**
 * The part of the Auth.js configuration that needs no database: used by proxy.ts to send
 * signed-out visitors of /admin to /login. It is a convenience only — every admin page, server
 * action and route handler checks the session and role itself (lib/auth/guards.ts).
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: process.env.AUTH_TRUST_HOST === "true" || process.env.NODE_ENV !== "production",
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      if (request.nextUrl.pathname.startsWith("/admin")) return Boolean(auth?.user);
      return true;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid);
      session.user.role = token.role as UserRole;
      session.user.sessionVersion = token.sv as number;
      return session;
    },
  },
} satisfies NextAuthConfig;

declare module "next-auth" {
  interface User {
    role: UserRole;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: UserRole; sessionVersion: number };
  }
}
