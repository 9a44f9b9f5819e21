import { expect, test, type Browser } from "@playwright/test";
import { ADMIN, captureServerAction, EDITOR, replayServerAction, signIn, uniqueEmail } from "./auth-helpers";

async function adminPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN);
  return { context, page };
}

async function createEditor(browser: Browser, name: string, password: string) {
  const { context, page } = await adminPage(browser);
  const email = uniqueEmail(name.toLowerCase().replace(/\s+/g, "-"));
  await page.goto("/admin/users/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("editor");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/admin\/users\?created=\d+$/);
  await expect(page.getByRole("status")).toHaveText(`Created ${name} (${email}). They can sign in now.`);
  return { context, page, email };
}

test("an editor gets the 403 page for user management", async ({ page }) => {
  await signIn(page, EDITOR);
  await expect(page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  for (const path of ["/admin/users", "/admin/users/new", "/admin/users/1/edit", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  }
});

test("an editor calling the create-user action gets 403 and nothing is created", async ({ browser }) => {
  const { context: adminContext, page: admin } = await adminPage(browser);
  const email = uniqueEmail("sneaky");
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Name").fill("Sneaky");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role", { exact: true }).selectOption("admin");
  await admin.getByLabel("Password").fill("sneaky-password-1");
  const action = await captureServerAction(admin, () => admin.getByRole("button", { name: "Create user" }).click());

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, EDITOR);
  const response = await replayServerAction(editor, action);
  expect(response.status()).toBe(403);

  // Signed out entirely: 401.
  const anonymous = await browser.newContext();
  const nobody = await anonymous.newPage();
  const unauthenticated = await replayServerAction(nobody, action);
  expect(unauthenticated.status()).toBe(401);

  await admin.goto("/admin/users");
  await expect(admin.getByRole("cell", { name: "Demo Admin (you)" })).toBeVisible();
  await expect(admin.getByText(email)).toHaveCount(0);
  await Promise.all([adminContext.close(), editorContext.close(), anonymous.close()]);
});

test("the create form keeps values and shows errors beside their fields", async ({ browser }) => {
  const { context, page } = await adminPage(browser);
  await page.goto("/admin/users/new");
  await page.getByLabel("Name").fill("Second Editor");
  await page.getByLabel("Email").fill(EDITOR.email);
  await page.getByLabel("Role", { exact: true }).selectOption("admin");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.locator(".form-message")).toHaveText("Check the highlighted fields.");
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/Use at least 12 characters\./);
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("Second Editor");
  await expect(page.getByLabel("Email")).toHaveValue(EDITOR.email);
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue("admin");

  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("An account with this email already exists.");
  await expect(page.getByLabel("Name")).toHaveValue("Second Editor");
  await context.close();
});

test("an admin creates an editor who can then sign in", async ({ browser }) => {
  const { context: adminContext, email } = await createEditor(browser, "New Hire", "new-hire-password-1");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { email, password: "new-hire-password-1" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, New Hire");
  await expect(page.getByRole("note")).toHaveCount(0);
  await Promise.all([adminContext.close(), context.close()]);
});

test("deactivating a user ends their session at the next request", async ({ browser }) => {
  const { context: adminContext, page: admin, email } = await createEditor(browser, "Leaving Soon", "leaving-password-1");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { email, password: "leaving-password-1" });
  await page.goto("/admin/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");

  await admin.getByRole("link", { name: "Edit Leaving Soon" }).click();
  await admin.getByRole("button", { name: "Deactivate user" }).click();
  await expect(admin.getByRole("status")).toHaveText("Leaving Soon is deactivated and has been signed out.");
  await expect(admin.getByRole("button", { name: "Reactivate user" })).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("leaving-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".form-message")).toHaveText("Wrong email or password.");

  await admin.goto("/admin/audit?action=user.deactivate");
  await expect(admin.getByRole("cell", { name: `Deactivated ${email}` })).toBeVisible();
  await Promise.all([adminContext.close(), context.close()]);
});

test("an admin resets a password and changes a role; the last admin cannot step down", async ({ browser }) => {
  const { context: adminContext, page: admin, email } = await createEditor(browser, "Forgetful", "forgotten-password-1");
  await admin.getByRole("link", { name: "Edit Forgetful" }).click();
  const details = admin.getByRole("region", { name: "Name and role" });
  const password = admin.getByRole("region", { name: "Password" });
  await password.getByLabel("New password").fill("brand-new-password-1");
  await password.getByRole("button", { name: "Reset password" }).click();
  await expect(password.getByRole("status")).toHaveText("Password reset. Forgetful has been signed out everywhere.");
  await admin.getByLabel("Role", { exact: true }).selectOption("admin");
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(details.getByRole("status")).toHaveText("Saved.");
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("admin");

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { email, password: "brand-new-password-1" });
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users");
  // Back to editor, so the demo admin is again the only admin.
  await admin.getByLabel("Role", { exact: true }).selectOption("editor");
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(details.getByRole("status")).toHaveText("Saved.");
  expect((await page.goto("/admin/users"))?.status()).toBe(403);

  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: "Edit Demo Admin" }).click();
  await admin.getByLabel("Role", { exact: true }).selectOption("editor");
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(details.locator(".form-message")).toHaveText(
    "At least one active admin must remain. Make another user an admin first.",
  );
  await expect(details.getByLabel("Role", { exact: true })).toHaveAccessibleDescription(
    "At least one active admin must remain. Make another user an admin first.",
  );
  await admin.reload();
  await expect(admin.getByLabel("Role", { exact: true })).toHaveValue("admin");
  await Promise.all([adminContext.close(), context.close()]);
});

test("users change their own password and stay signed in; other sessions end", async ({ browser }) => {
  const { context: adminContext, email } = await createEditor(browser, "Careful", "first-password-12");
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, { email, password: "first-password-12" });

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { email, password: "first-password-12" }, "/admin/account");
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("second-password-12");
  await page.getByLabel("Repeat the new password").fill("second-password-12");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("Current password")).toHaveAccessibleDescription("That is not your current password.");

  await page.getByLabel("Current password").fill("first-password-12");
  await page.getByLabel("New password", { exact: true }).fill("second-password-12");
  await page.getByLabel("Repeat the new password").fill("second-password-12x");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("Repeat the new password")).toHaveAccessibleDescription("The two new passwords differ.");

  await page.getByLabel("Current password").fill("first-password-12");
  await page.getByLabel("New password", { exact: true }).fill("second-password-12");
  await page.getByLabel("Repeat the new password").fill("second-password-12");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/admin\/account\?changed=1$/);
  await expect(page.getByRole("status")).toHaveText("Your password has been changed. Other browsers have been signed out.");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Careful");

  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/login/);
  await otherPage.getByLabel("Email").fill(email);
  await otherPage.getByLabel("Password").fill("second-password-12");
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage).toHaveURL(/\/admin$/);
  await Promise.all([adminContext.close(), other.close(), context.close()]);
});

test("admins read sign-ins and failed sign-ins in the audit log, a bounded page at a time", async ({ browser, page }) => {
  const email = uniqueEmail("typo");
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".form-message")).toHaveText("Wrong email or password.");

  const { context, page: admin } = await adminPage(browser);
  await admin.goto("/admin/audit");
  const rows = admin.getByRole("row");
  expect(await rows.count()).toBeLessThanOrEqual(51);
  await expect(rows.filter({ hasText: email })).toContainText("auth.sign-in-failed");
  await expect(rows.filter({ hasText: "auth.sign-in" }).filter({ hasText: ADMIN.email }).first()).toBeVisible();

  await admin.goto("/admin/audit?action=auth.sign-in-failed");
  await expect(admin.getByText("Showing auth.sign-in-failed only.")).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: "auth.sign-in-failed" }).first()).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: "user.create" })).toHaveCount(0);

  expect((await admin.goto("/admin/audit?before=abc"))?.status()).toBe(404);
  await context.close();
});
