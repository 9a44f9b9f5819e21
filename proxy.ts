import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { isMissingSearchPage, readerPathAnswer } from "@/lib/moved";
import { badRequestResponse, hasMalformedActionBody, hasMalformedPath } from "@/lib/security/bad-request";
import { isCrossSiteRequest } from "@/lib/security/cross-site";
import { newNonce, nonceCsp } from "@/lib/security/headers";

/** Matches no route, so Next renders its not-found document for it. */
const MISSING_PAGE = "/_dateline/not-found";

/** A readable session token in either cookie name (Secure-prefixed over HTTPS). */
async function hasSessionToken(req: NextRequest): Promise<boolean> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return false;
  for (const secureCookie of [true, false]) {
    if (await getToken({ req, secret, secureCookie })) return true;
  }
  return false;
}

/** Passes the request on with a fresh CSP nonce, which Next puts on every script it renders. */
function withNonce(req: NextRequest): NextResponse {
  const csp = nonceCsp(newNonce());
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/**
 * - Any POST/PUT/PATCH/DELETE whose Origin is another site is refused with 403, whatever the
 *   path: cross-site form posts and fetches never reach an action or route handler.
 * - A path with broken percent-escapes, or a form/action post whose body does not parse, gets
 *   400 here: Next would fail on them with a 500 before any page or action code runs.
 * - /admin and /login get a per-request CSP nonce (they are rendered per request anyway).
 * - /admin: sends visitors without a session to /login?callbackUrl=… (a convenience: every admin
 *   page and action checks the session and role against the database itself). The token is only
 *   read, never re-issued here: a re-issued cookie on a prefetch racing a sign-out would bring
 *   the session back.
 * - /articles, /tags, /authors: an old slug answers 301 to the current one; a slug with nothing
 *   public behind it gets the not-found page (see lib/moved.ts).
 * Reader pages otherwise never pass through here, so they stay cached.
 */
export default async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const safeMethod = req.method === "GET" || req.method === "HEAD";
  if (!safeMethod && isCrossSiteRequest(req.headers)) {
    return new NextResponse("Cross-site request refused.\n", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  if (hasMalformedPath(pathname)) return badRequestResponse("This address is not valid.");
  if (!safeMethod && (await hasMalformedActionBody(req))) return badRequestResponse("The form data could not be read.");
  const isAdmin = pathname === "/admin" || pathname.startsWith("/admin/");
  const isPrivate = isAdmin || pathname === "/login";
  // Server actions (POST) check the session themselves.
  if (!safeMethod) return isPrivate ? withNonce(req) : NextResponse.next();
  if (isAdmin && !(await hasSessionToken(req))) {
    const login = new URL("/login", req.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    const redirect = NextResponse.redirect(login);
    redirect.headers.set("Content-Security-Policy", nonceCsp(newNonce()));
    return redirect;
  }
  if (isPrivate) return withNonce(req);
  if (isMissingSearchPage(pathname, req.nextUrl.searchParams)) return NextResponse.rewrite(new URL(MISSING_PAGE, req.url));
  const answer = await readerPathAnswer(pathname);
  if (answer && "moved" in answer) return NextResponse.redirect(new URL(`${answer.moved}${search}`, req.url), 301);
  // A path no route matches: Next answers 404 with app/global-not-found.tsx, complete HTML.
  if (answer) return NextResponse.rewrite(new URL(MISSING_PAGE, req.url));
  return NextResponse.next();
}

export const config = {
  matcher: [
    "/admin",
    "/admin/:path*",
    "/login",
    "/articles/:slug*",
    "/tags/:slug*",
    "/authors/:slug*",
    "/page/:n*",
    "/search",
    // Browsers send Origin with every POST (and cross-origin fetch): those are checked above.
    { source: "/:path*", has: [{ type: "header", key: "origin" }] },
    // Server-action calls and form posts, whatever their origin: their bodies are checked above.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path*", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
    // Paths with a percent-escape that is broken or stands for a non-ASCII byte.
    "/:path(.*%(?![0-9A-Fa-f]{2}).*)",
    "/:path(.*%[89A-Fa-f][0-9A-Fa-f].*)",
  ],
};
