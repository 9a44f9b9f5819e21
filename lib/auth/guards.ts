import "server-only";
import { cache } from "react";
import { forbidden, notFound, redirect, unauthorized } from "next/navigation";
import { getUserById } from "@/db/queries/users";
import type { UserRole } from "@/db/schema";
import { auth } from "./index";

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  demoPassword: boolean;
};

/** `admin` may do everything an `editor` may. */
export function hasRole(user: Pick<SessionUser, "role">, role: UserRole): boolean {
  return role === "editor" ? user.role === "editor" || user.role === "admin" : user.role === role;
}

/**
 * The signed-in user for this request, checked against the database on every request: a
 * deactivated account, or a session issued before a password change, counts as signed out.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const user = await getUserById(Number(session.user.id));
  if (!user || !user.active || user.sessionVersion !== session.user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, demoPassword: user.demoPassword };
});

/**
 * Only keeps same-site paths: `/admin/x?y`. Relative values resolve against localhost, as do the
 * proxy's absolute `http://localhost…` URLs; anything naming another host (`https://host`,
 * `//host`, `/\host`) or another scheme gives the fallback.
 */
export function safeCallbackPath(value: unknown, fallback = "/admin"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  let url: URL;
  try {
    url = new URL(value, "http://localhost");
  } catch {
    return fallback;
  }
  if (url.hostname !== "localhost" || (url.protocol !== "http:" && url.protocol !== "https:")) return fallback;
  const candidate = `${url.pathname}${url.search}`;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  return candidate;
}

/** For admin pages: signed-out visitors go to /login, the wrong role gets the 403 page. */
export async function requirePageUser(role: UserRole = "editor", callbackPath = "/admin"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackPath))}`);
  if (!hasRole(user, role)) forbidden();
  return user;
}

/**
 * For server actions and route handlers: answers 401 without a valid session and 403 for the
 * wrong role, before anything is read or written.
 */
export async function requireActionUser(role: UserRole = "editor"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) unauthorized();
  if (!hasRole(user, role)) forbidden();
  return user;
}

/**
 * Wraps a server action so authorization cannot be forgotten: the role is checked on the
 * server before the body runs, and the body receives the user.
 */
export function withRole<Args extends unknown[], Result>(
  role: UserRole,
  action: (user: SessionUser, ...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  // A form action (user, previous state, form data) called by hand with anything but a form
  // would fail inside with a TypeError, i.e. a 500: it is answered 404 instead, after the role
  // check, like a form that does not exist.
  const takesForm = action.length === 3;
  return async (...args: Args) => {
    const user = await requireActionUser(role);
    if (takesForm && !(args[1] instanceof FormData)) notFound();
    return action(user, ...args);
  };
}
