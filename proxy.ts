import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { movedPath } from "@/lib/moved";

const { auth } = NextAuth(authConfig);
const adminProxy = auth as unknown as (req: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

/**
 * - /admin: sends signed-out visitors to /login?callbackUrl=… (a convenience: every admin page
 *   and action checks the session and role itself).
 * - /articles, /tags, /authors: an old slug answers 301 to the current one.
 */
export default async function proxy(req: NextRequest, event: NextFetchEvent) {
  const { pathname, search } = req.nextUrl;
  // Only page loads go through the sign-in redirect. Server actions (POST) check the session
  // themselves, and must not get the session cookie refreshed here: that would race with
  // sign-out deleting it in the same response.
  if (req.method !== "GET" && req.method !== "HEAD") return NextResponse.next();
  if (pathname === "/admin" || pathname.startsWith("/admin/")) return adminProxy(req, event);
  const moved = await movedPath(pathname);
  if (moved) return NextResponse.redirect(new URL(`${moved}${search}`, req.url), 301);
  return NextResponse.next();
}

export const config = { matcher: ["/admin", "/admin/:path*", "/articles/:slug*", "/tags/:slug*", "/authors/:slug*"] };
