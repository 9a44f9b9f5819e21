import type { NextRequest } from "next/server";
import { attemptedEmail, handlers } from "@/lib/auth";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { loginLimiter, tooManyAttemptsMessage } from "@/lib/auth/rate-limit";

export const { GET } = handlers;

/**
 * Credentials posted straight to Auth.js get the same limit as the login form, answered with
 * 429 and Retry-After while the account or address is blocked.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const status = await loginLimiter.check({
      email: attemptedEmail({ email: form?.get("email") ?? undefined }),
      ip: clientIpFrom(request.headers),
    });
    if (status.blocked) {
      return new Response(`${tooManyAttemptsMessage(status.retryAfterMs)}\n`, {
        status: 429,
        headers: {
          "Content-Type": "text/plain; charset=utf-8",
          "Retry-After": String(Math.ceil(status.retryAfterMs / 1000)),
          "Cache-Control": "no-store",
        },
      });
    }
  }
  return handlers.POST(request);
}
