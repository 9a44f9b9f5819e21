import { expect, test } from "@playwright/test";
import { EDITOR, postCredentials, testClientAddress, uniqueEmail } from "./auth-helpers";

for (const path of ["/admin", "/admin/users"]) {
  test(`signed-out visitors of ${path} are sent to the login page`, async ({ page }) => {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to the newsroom");
  });
}

test("an editor signs in, lands where they were going, and signs out", async ({ page }) => {
  await page.goto("/admin");
  await page.getByLabel("Email").fill("editor@example.com");
  await page.getByLabel("Password").fill("editor-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Demo Editor");
  await expect(page.getByRole("note")).toContainText("demo password");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("the demo-password warning links to the password change", async ({ page }) => {
  await page.goto("/admin/settings");
  await page.getByLabel("Email").fill(EDITOR.email);
  await page.getByLabel("Password").fill(EDITOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/settings$/);
  await page.getByRole("note").getByRole("link", { name: "Change your password" }).click();
  await expect(page).toHaveURL(/\/admin\/account$/);
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
  await expect(page.getByLabel("Current password")).toBeVisible();
});

test("a wrong password gets one generic error", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("editor@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("editor@example.com");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("whatever-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
});

test("session cookies are HttpOnly and SameSite=Lax, and Secure over HTTPS", async ({ page, context, playwright, baseURL }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(EDITOR.email);
  await page.getByLabel("Password").fill(EDITOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  const session = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });

  // Behind a TLS-terminating proxy the request says it came over HTTPS.
  const https = { "x-forwarded-proto": "https" };
  const api = await playwright.request.newContext({ baseURL });
  const csrf = await api.get("/api/auth/csrf", { headers: https });
  const csrfCookie = csrf.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("csrf-token"))!;
  expect(csrfCookie.value).toMatch(/^__Host-authjs\.csrf-token=/);
  expect(csrfCookie.value).toMatch(/; Secure/i);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await api.post("/api/auth/callback/credentials", {
    headers: { ...https, cookie: csrfCookie.value.split(";")[0] },
    form: { email: EDITOR.email, password: EDITOR.password, csrfToken, callbackUrl: "/admin" },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(302);
  const sessionCookie = res
    .headersArray()
    .find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("__Secure-authjs.session-token="));
  expect(sessionCookie?.value).toMatch(/; HttpOnly/i);
  expect(sessionCookie?.value).toMatch(/; Secure/i);
  expect(sessionCookie?.value).toMatch(/; SameSite=Lax/i);
  await api.dispose();
});

test("after a handful of failures an account is refused for a while, in the form and with 429", async ({ browser, playwright, baseURL }) => {
  const email = uniqueEmail("locked");
  const headers = { "x-forwarded-for": testClientAddress() };
  const context = await browser.newContext({ extraHTTPHeaders: headers });
  const page = await context.newPage();
  await page.goto("/login");
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login")),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    // React clears the password field once the answer is rendered; typing before that is lost.
    await expect(page.getByLabel("Password")).toHaveValue("");
    const expected = i < 5 ? "Wrong email or password." : "Too many attempts. Try again in 15 minutes.";
    await expect(page.locator(".form-message")).toHaveText(expected);
  }
  // The same account from another address is refused too, without a password check.
  const api = await playwright.request.newContext({ baseURL });
  const blocked = await postCredentials(api, { email, password: "any-password-at-all" }, { "x-forwarded-for": testClientAddress() });
  expect(blocked.status()).toBe(429);
  expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(800);
  expect(await blocked.text()).toContain("Too many attempts. Try again in 15 minutes.");
  // Another account from the first address is still allowed to try.
  const other = await postCredentials(api, { email: uniqueEmail("other"), password: "wrong-password" }, headers);
  expect(other.status()).toBe(302);
  await api.dispose();
  await context.close();
});

test("one address trying many accounts is refused after 50 failures", async ({ playwright, baseURL }) => {
  test.slow();
  const headers = { "x-forwarded-for": testClientAddress() };
  const api = await playwright.request.newContext({ baseURL });
  for (let i = 0; i < 50; i++) {
    const res = await postCredentials(api, { email: uniqueEmail(`spray${i}`), password: "Summer2025!" }, headers);
    expect(res.status(), `attempt ${i + 1}`).toBe(302);
    expect(res.headers().location).toContain("error=CredentialsSignin");
  }
  const refused = await postCredentials(api, { email: uniqueEmail("spray-next"), password: "Summer2025!" }, headers);
  expect(refused.status()).toBe(429);
  // Even the right password for a real account waits: the address is blocked.
  const real = await postCredentials(api, EDITOR, headers);
  expect(real.status()).toBe(429);
  await api.dispose();
});
