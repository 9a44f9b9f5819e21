import { expect, test } from "@playwright/test";

test("signed-out visitors of /admin are sent to the login page", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toContain("/admin");
});

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

test("a wrong password gets one generic error", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("editor@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("whatever-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
});
