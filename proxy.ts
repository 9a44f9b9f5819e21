import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);

/** Sends signed-out visitors of /admin to /login?callbackUrl=…; pages and actions still check. */
export default auth;

export const config = { matcher: ["/admin/:path*"] };
