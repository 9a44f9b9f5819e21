import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { movedPath } from "@/lib/moved";

/** A readable session token in either cookie name (Secure-prefixed over HTTPS). */
async function hasSessionToken(req: NextRequest): Promise<boolean> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return false;
  for (const secureCookie of [true, false]) {
    if (await getToken({ req, secret, secureCookie })) return true;
  }
  return false;
}

/**
 * - /admin: sends visitors without a session to /login?callbackUrl=… (a convenience: every admin
 *   page and action checks the session and role against the database itself). The token is only
 *   read, never re-issued here: a re-issued cookie on a prefetch racing a sign-out would bring
 *   the session back.
 * - /articles, /tags, /authors: an old slug answers 301 to the current one.
 */
export default async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (req.method !== "GET" && req.method !== "HEAD") return NextResponse.next();
  if (pathname === "/admin" || pathname.startsWith("/admin/")) {
    if (await hasSessionToken(req)) return NextResponse.next();
    const login = new URL("/login", req.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const moved = await movedPath(pathname);
  if (moved) return NextResponse.redirect(new URL(`${moved}${search}`, req.url), 301);
  return NextResponse.next();
}

export const config = { matcher: ["/admin", "/admin/:path*", "/articles/:slug*", "/tags/:slug*", "/authors/:slug*"] };
