import { expect, test, type Page } from "@playwright/test";
import { ADMIN, captureServerAction, EDITOR, replayServerAction, signIn } from "./auth-helpers";

// These tests change site-wide settings: each puts back what it changed.

// A 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Clicks a submit button and waits for its server action to answer. */
async function submit(page: Page, button: ReturnType<Page["getByRole"]>) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && Boolean(r.request().headers()["next-action"])),
    button.click(),
  ]);
}

function siteForm(page: Page) {
  return page.getByRole("region", { name: "Site" });
}

function adsTxtForm(page: Page) {
  return page.getByRole("region", { name: "ads.txt" });
}

test("editors maintain ads.txt, served at /ads.txt at once as plain text", async ({ page, request }) => {
  await signIn(page, EDITOR, "/admin/settings");
  await expect(siteForm(page)).toHaveCount(0);
  const field = adsTxtForm(page).getByLabel("ads.txt");
  const original = await field.inputValue();
  const line = `example-exchange.com, pub-${Date.now()}, DIRECT, f08c47fec0942fa0`;
  try {
    await field.fill(`# Test sellers\r\n${line}   \n`);
    await adsTxtForm(page).getByRole("button", { name: "Save ads.txt" }).click();
    await expect(adsTxtForm(page).getByRole("status")).toHaveText("ads.txt saved. /ads.txt serves it now.");
    await expect(field).toHaveValue(`# Test sellers\n${line}`);

    const res = await request.get("/ads.txt");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(res.headers()["cache-control"]).toMatch(/public, max-age=\d+/);
    expect(await res.text()).toBe(`# Test sellers\n${line}\n`);
  } finally {
    await field.fill(original);
    await submit(page, adsTxtForm(page).getByRole("button", { name: "Save ads.txt" }));
  }
  expect(await (await request.get("/ads.txt")).text()).toBe(original ? `${original}\n` : "");
});

test("a bad ads.txt line is named beside the field and nothing is saved", async ({ page, request }) => {
  await signIn(page, EDITOR, "/admin/settings");
  const before = await (await request.get("/ads.txt")).text();
  const field = adsTxtForm(page).getByLabel("ads.txt");
  const typed = `example.com, pub-1, DIRECT\n${"x".repeat(1100)}`;
  await field.fill(typed);
  await adsTxtForm(page).getByRole("button", { name: "Save ads.txt" }).click();
  await expect(adsTxtForm(page).locator(".form-message")).toHaveText("ads.txt has problems. Nothing was saved.");
  await expect(field).toHaveAccessibleDescription(/Line 2 is longer than 1024 characters\./);
  await expect(field).toHaveValue(typed);
  expect(await (await request.get("/ads.txt")).text()).toBe(before);
});

test("site settings keep typed values and show errors beside fields; nothing is saved", async ({ page }) => {
  await signIn(page, ADMIN, "/admin/settings");
  const form = siteForm(page);
  const name = await form.getByLabel("Site name").inputValue();
  await form.getByLabel("Site name").fill("   ");
  await form.getByLabel("Description").fill("A description I typed");
  await form.getByLabel("Site URL").fill("javascript:alert(1)");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.locator(".form-message")).toHaveText("Check the highlighted fields. Nothing was saved.");
  await expect(form.getByLabel("Site name")).toHaveAccessibleDescription("Enter the site's name.");
  await expect(form.getByLabel("Site URL")).toHaveAccessibleDescription(/Enter an address starting with https:\/\//);
  await expect(form.getByLabel("Site URL")).toHaveValue("javascript:alert(1)");
  await expect(form.getByLabel("Description")).toHaveValue("A description I typed");
  await page.reload();
  await expect(siteForm(page).getByLabel("Site name")).toHaveValue(name);
  await expect(siteForm(page).getByLabel("Description")).not.toHaveValue("A description I typed");
});

// The site name stays as it is: reader specs running alongside assert titles ending "| Dateline".
test("an admin's change shows on the public site at once: masthead, title, meta description", async ({ page }) => {
  await signIn(page, ADMIN, "/admin/settings");
  const form = siteForm(page);
  const original = await form.getByLabel("Description").inputValue();
  const siteName = await form.getByLabel("Site name").inputValue();
  const description = `Fearless reporting, edition ${Date.now().toString(36)}.`;
  try {
    await form.getByLabel("Description").fill(description);
    await submit(page, form.getByRole("button", { name: "Save settings" }));
    await expect(form.getByRole("status")).toHaveText("Settings saved. The public site shows them now.");

    await page.goto("/");
    await expect(page.getByRole("banner").getByText(description)).toBeVisible();
    await expect(page).toHaveTitle(`${siteName}: ${description}`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", description);
  } finally {
    await page.goto("/admin/settings");
    await siteForm(page).getByLabel("Description").fill(original);
    await submit(page, siteForm(page).getByRole("button", { name: "Save settings" }));
  }
  await page.goto("/");
  await expect(page.getByRole("banner").getByText(description)).toHaveCount(0);
});

test("an admin uploads a logo, served with a year-long cache; the change is audited", async ({ page, request }) => {
  await signIn(page, ADMIN, "/admin/settings");
  const form = siteForm(page);
  const original = await form.getByLabel("Logo URL").inputValue();
  try {
    await form.getByLabel("Or upload a logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG });
    await submit(page, form.getByRole("button", { name: "Save settings" }));
    await expect(form.getByRole("status")).toHaveText("Settings saved. The public site shows them now.");
    await expect(form.getByLabel("Logo URL")).toHaveValue(/^\/logo\/[a-f0-9]{32}\.png$/);
    const logoUrl = await form.getByLabel("Logo URL").inputValue();
    await expect(form.getByRole("img", { name: "Current logo" })).toHaveAttribute("src", logoUrl);
    const logo = await request.get(logoUrl);
    expect(logo.status()).toBe(200);
    expect(logo.headers()["content-type"]).toBe("image/png");
    expect(logo.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await request.get("/logo/0123456789abcdef0123456789abcdef.png")).status()).toBe(404);
    expect((await request.get("/logo/..%2F..%2Fnews.db")).status()).toBe(404);

    await page.reload();
    await expect(siteForm(page).getByLabel("Logo URL")).toHaveValue(logoUrl);

    await page.goto("/admin/audit?action=settings.update");
    await expect(page.getByRole("row").filter({ hasText: "Changed logo" }).first()).toContainText(ADMIN.email);

    // The masthead shows the logo at once, named by the site's name.
    await page.goto("/");
    const masthead = page.getByRole("banner").locator(".masthead-name img");
    await expect(masthead).toHaveAttribute("src", logoUrl);
    await expect(masthead).toHaveAttribute("alt", /\S/);
  } finally {
    await page.goto("/admin/settings");
    await siteForm(page).getByLabel("Logo URL").fill(original);
    await submit(page, siteForm(page).getByRole("button", { name: "Save settings" }));
  }
  await expect(siteForm(page).getByLabel("Logo URL")).toHaveValue(original);
});

test("a non-image logo is refused beside the field", async ({ page }) => {
  await signIn(page, ADMIN, "/admin/settings");
  const form = siteForm(page);
  await form.getByLabel("Or upload a logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("<svg/>") });
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByLabel("Or upload a logo")).toHaveAccessibleDescription(/This file is not an image we can read\./);
});

test("an editor calling the site-settings action gets 403 and nothing changes", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN, "/admin/settings");
  const before = await siteForm(admin).getByLabel("Site name").inputValue();
  await siteForm(admin).getByLabel("Site name").fill("Taken Over");
  const action = await captureServerAction(admin, () => siteForm(admin).getByRole("button", { name: "Save settings" }).click());

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, EDITOR);
  expect((await replayServerAction(editor, action)).status()).toBe(403);

  await admin.goto("/admin/settings");
  await expect(siteForm(admin).getByLabel("Site name")).toHaveValue(before);
  await Promise.all([adminContext.close(), editorContext.close()]);
});
