import { hash } from "@node-rs/argon2";
import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { fillPattern, pages, routeHandlers, serverActions, type ServerAction } from "./support/app-routes";
import { ACCOUNTS } from "./support/browser-guards";
import { openTestDatabase, snapshotDatabase } from "./support/db";
import { callServerAction, damagingForm } from "./support/server-action-call";

/**
 * Authorization sweep over everything the build contains: every server action (from Next's
 * manifest), every route handler under /admin and /api, every admin page. Each is called
 * signed out, with a session the server has revoked (a valid cookie the proxy accepts, so only
 * the action's own check stands in the way), and as an editor where admins only are allowed —
 * and the database must be byte-for-byte unchanged afterwards.
 */
test.describe.configure({ mode: "serial" });

const actions = serverActions();
const adminActions = actions.filter((a) => a.file.startsWith("app/admin/"));
/** Actions that need no session by design. */
const PUBLIC_ACTIONS = new Set(["loginAction", "signOutAction"]);

const STAMP = Date.now().toString(36);

function describeResponse(a: { name?: string; url?: string }, res: APIResponse): string {
  return `${a.name ?? ""} ${a.url ?? ""} → ${res.status()} ${res.headers()["location"] ?? ""}`;
}

function isLoginRedirect(res: APIResponse): boolean {
  return [303, 307, 308].includes(res.status()) && /\/login(\?|$)/.test(res.headers()["location"] ?? "");
}

async function signedInRequest(browser: Browser, who: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/admin");
  return { context, request: context.request };
}

async function expectRefused(request: APIRequestContext, list: ServerAction[], allowed: number[]) {
  const seen: string[] = [];
  for (const action of list) {
    const res = await callServerAction(request, action);
    const ok = allowed.includes(res.status()) || (allowed.includes(307) && isLoginRedirect(res));
    if (!ok) seen.push(describeResponse(action, res));
  }
  expect(seen, "actions that did not refuse").toEqual([]);
}

test("every admin server action declares the role it needs", () => {
  expect(adminActions.length).toBeGreaterThan(0);
  const unguarded = adminActions.filter((a) => a.role === null && !PUBLIC_ACTIONS.has(a.name)).map((a) => `${a.file}#${a.name}`);
  expect(unguarded).toEqual([]);
});

test("signed out: every admin action is refused with 401 and nothing changes", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const before = snapshotDatabase();
  await expectRefused(
    request,
    adminActions.filter((a) => !PUBLIC_ACTIONS.has(a.name)),
    [401],
  );
  expect(snapshotDatabase()).toEqual(before);
  await request.dispose();
});

test("a session revoked on the server: the proxy lets it by, every admin action and page still refuses", async ({ browser }) => {
  const email = `revoked-${STAMP}@example.com`;
  const password = "revoked-user-password";
  const db = openTestDatabase(false);
  db.prepare("insert into users (email, name, password_hash, role) values (?, ?, ?, 'admin')").run(
    email,
    "Revoked Admin",
    await hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 }),
  );
  const { context, request } = await signedInRequest(browser, { email, password });
  // Deactivation bumps the session version: the cookie stays well-formed but stops counting.
  db.prepare("update users set active = 0, session_version = session_version + 1 where email = ?").run(email);
  db.close();
  const before = snapshotDatabase();
  await expectRefused(
    request,
    adminActions.filter((a) => !PUBLIC_ACTIONS.has(a.name)),
    [401],
  );
  const page = await context.newPage();
  for (const p of pages().filter((p) => p.pattern.startsWith("/admin"))) {
    await page.goto(fillPattern(p.pattern));
    await expect(page, p.pattern).toHaveURL(/\/login\?callbackUrl=/);
  }
  expect(snapshotDatabase()).toEqual(before);
  await context.close();
});

test("an editor gets 403 from every admin-only action and page, and nothing changes", async ({ browser }) => {
  const { context, request } = await signedInRequest(browser, ACCOUNTS.editor);
  const before = snapshotDatabase();
  const adminOnly = adminActions.filter((a) => a.role === "admin");
  await expectRefused(request, adminOnly, [403]);
  const page = await context.newPage();
  for (const p of pages().filter((p) => p.role === "admin")) {
    const res = await page.goto(fillPattern(p.pattern));
    expect(res?.status(), p.pattern).toBe(403);
  }
  expect(snapshotDatabase()).toEqual(before);
  // The editor's own actions still work (the test can tell refusal from breakage).
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Demo Editor");
  await context.close();
});

test("signed out: admin pages redirect to /login with the way back", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const adminPages = pages().filter((p) => p.pattern.startsWith("/admin"));
  expect(adminPages.length).toBeGreaterThan(0);
  for (const p of adminPages) {
    const url = fillPattern(p.pattern);
    const res = await request.get(url, { maxRedirects: 0 });
    expect(isLoginRedirect(res), describeResponse({ url }, res)).toBe(true);
    expect(decodeURIComponent(res.headers()["location"])).toContain(`callbackUrl=${url}`);
  }
  await request.dispose();
});

test("signed out: route handlers under /admin and /api refuse every method, and nothing changes", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  // Public by design: the health check (read-only) and Auth.js's own endpoints (tested below).
  const handlers = routeHandlers().filter(
    (r) => (r.pattern.startsWith("/admin") || r.pattern.startsWith("/api")) && !r.pattern.startsWith("/api/auth") && r.pattern !== "/api/health",
  );
  const before = snapshotDatabase();
  const seen: string[] = [];
  for (const handler of handlers) {
    for (const method of handler.methods.filter((m) => m !== "HEAD" && m !== "OPTIONS")) {
      const res = await request.fetch(fillPattern(handler.pattern), {
        method,
        data: method === "GET" ? undefined : { id: 1, title: "Unauthorized", confirm: "delete" },
        maxRedirects: 0,
      });
      if (![401, 403, 404, 405].includes(res.status()) && !isLoginRedirect(res)) seen.push(`${method} ${describeResponse({ url: handler.pattern }, res)}`);
    }
  }
  expect(seen).toEqual([]);
  expect(snapshotDatabase()).toEqual(before);
  await request.dispose();
});

test.describe("cross-site requests", () => {
  test("a forged Origin is refused for server actions (even the sign-in) and route handlers", async ({ browser, playwright, baseURL }) => {
    const { context, request } = await signedInRequest(browser, ACCOUNTS.editor);
    const before = snapshotDatabase();
    const evil = { Origin: "https://evil.example" };
    for (const action of adminActions) {
      const res = await callServerAction(request, action, { headers: evil });
      expect(res.status(), describeResponse(action, res)).toBe(403);
    }
    // Signing in from another site (login CSRF) gets no session.
    const anonymous = await playwright.request.newContext({ baseURL });
    const login = actions.find((a) => a.name === "loginAction")!;
    const form = new FormData();
    form.set("email", ACCOUNTS.editor.email);
    form.set("password", ACCOUNTS.editor.password);
    const res = await callServerAction(anonymous, login, { headers: evil, args: [{}, form] });
    expect(res.status()).toBe(403);
    expect(res.headers()["set-cookie"] ?? "").not.toMatch(/session-token/);
    for (const handler of routeHandlers().filter((r) => r.methods.some((m) => ["POST", "PUT", "PATCH", "DELETE"].includes(m)))) {
      const r = await anonymous.post(fillPattern(handler.pattern), { headers: evil, data: "x=1", maxRedirects: 0 });
      expect(r.status(), handler.pattern).toBe(403);
    }
    await anonymous.dispose();
    expect(snapshotDatabase()).toEqual(before);
    // The editor's session survived the forged sign-out.
    const page = await context.newPage();
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin$/);
    await context.close();
  });

  test("a form on another site posting to the admin in the editor's browser is refused", async ({ browser, baseURL }) => {
    const { context } = await signedInRequest(browser, ACCOUNTS.editor);
    const before = snapshotDatabase();
    const page = await context.newPage();
    const target = adminActions.find((a) => a.role === "editor") ?? adminActions[0];
    // A page on another origin with a self-submitting form, as a no-JavaScript server action post.
    await page.route("http://evil.test/**", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form id="f" method="post" enctype="multipart/form-data" action="${baseURL}${target.url}">
          <input name="$ACTION_ID_${target.id}" value="">
          ${[...damagingForm().entries()].map(([k, v]) => `<input name="${k}" value="${String(v).replace(/"/g, "&quot;")}">`).join("")}
        </form><script>document.getElementById("f").submit()</script>`,
      }),
    );
    const response = page.waitForResponse((r) => r.url().startsWith(`${baseURL}${target.url}`) && r.request().method() === "POST");
    await page.goto("http://evil.test/");
    expect((await response).status()).toBe(403);
    expect(snapshotDatabase()).toEqual(before);
    await context.close();
  });

  test("Auth.js: credentials or sign-out posted without its CSRF token do nothing", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const res = await request.post("/api/auth/callback/credentials", {
      form: { email: ACCOUNTS.editor.email, password: ACCOUNTS.editor.password },
      maxRedirects: 0,
    });
    expect(res.headers()["set-cookie"] ?? "").not.toMatch(/session-token/);
    expect(res.headers()["location"] ?? "").toMatch(/error|MissingCSRF|csrf/i);
    expect((await (await request.get("/api/auth/session")).json()) ?? {}).not.toHaveProperty("user");
    // With the token (as Auth.js's own forms send it) the same post signs in: the refusal above
    // is about the token, not a broken endpoint.
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const ok = await request.post("/api/auth/callback/credentials", {
      form: { email: ACCOUNTS.editor.email, password: ACCOUNTS.editor.password, csrfToken },
      maxRedirects: 0,
    });
    expect(ok.headers()["set-cookie"] ?? "").toMatch(/session-token/);
    expect(((await (await request.get("/api/auth/session")).json()) as { user?: { email: string } }).user?.email).toBe(ACCOUNTS.editor.email);
    // Sign-out without the token leaves the session alone.
    await request.post("/api/auth/signout", { form: {}, maxRedirects: 0 });
    expect(((await (await request.get("/api/auth/session")).json()) as { user?: { email: string } }).user?.email).toBe(ACCOUNTS.editor.email);
    await request.dispose();
  });
});
