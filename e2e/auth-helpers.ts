import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@example.com", password: "admin-demo-password" };
export const EDITOR = { email: "editor@example.com", password: "editor-demo-password" };

/** A fresh address per run, so counters and accounts never collide with other tests. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}

/**
 * A made-up client address from the IPv6 documentation range, random over 64 bits so two tests
 * never share one: the sign-in limit per address then never touches the 127.0.0.1 bucket that
 * every other test signs in from, nor another test's bucket.
 */
export function testClientAddress(): string {
  const group = () => Math.floor(Math.random() * 0x10000).toString(16);
  return `2001:db8::${group()}:${group()}:${group()}:${group()}`;
}

export async function signIn(page: Page, account: { email: string; password: string }, path = "/admin") {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, "\\$&")}$`));
}

/** Posts credentials straight to Auth.js, as a script would (CSRF token included). */
export async function postCredentials(
  request: APIRequestContext,
  credentials: { email: string; password: string },
  headers: Record<string, string> = {},
) {
  const csrf = await request.get("/api/auth/csrf", { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    headers,
    form: { ...credentials, csrfToken, callbackUrl: "/admin" },
    maxRedirects: 0,
  });
}

/**
 * Captures the next server action the page sends (and stops it), so a test can replay the very
 * same request from another user's session.
 */
export async function captureServerAction(page: Page, trigger: () => Promise<void>) {
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await page.route("**/*", async (route) => {
    const request = route.request();
    const headers = await request.allHeaders();
    if (request.method() === "POST" && headers["next-action"] && !captured) {
      captured = { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await trigger();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute("**/*");
  return captured!;
}

export async function replayServerAction(
  page: Page,
  action: { url: string; headers: Record<string, string>; body: Buffer },
) {
  return page.request.post(action.url, {
    headers: {
      "next-action": action.headers["next-action"],
      "content-type": action.headers["content-type"],
      accept: "text/x-component",
      origin: new URL(action.url).origin,
    },
    data: action.body,
    maxRedirects: 0,
  });
}
