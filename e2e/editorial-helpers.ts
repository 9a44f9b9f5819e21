import { expect, type Page } from "@playwright/test";

export const EDITOR = { email: "editor@example.com", password: "editor-demo-password", name: "Demo Editor" };
export const ADMIN = { email: "admin@example.com", password: "admin-demo-password", name: "Demo Admin" };

/** A short random word, so every run writes its own articles and tags. */
export const unique = () => Math.random().toString(36).slice(2, 8);

export async function signIn(page: Page, who = EDITOR): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

export const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

export async function addTag(page: Page, name: string): Promise<void> {
  const input = field(page, "Tags");
  await input.fill(name);
  await input.press("Enter");
  await expect(page.getByRole("list", { name: "Chosen tags" })).toContainText(name);
}

export type NewArticle = { title: string; body?: string; dek?: string; tags?: string[] };

/** Fills the new-article form (without saving). */
export async function fillNewArticle(page: Page, a: NewArticle): Promise<void> {
  await page.goto("/admin/articles/new");
  await field(page, "Title").fill(a.title);
  if (a.dek) await field(page, "Standfirst").fill(a.dek);
  await field(page, "Body").fill(a.body ?? `The body of ${a.title}.`);
  for (const tag of a.tags ?? []) await addTag(page, tag);
}

/** Presses a save button and waits for the saved edit page; returns the article id. */
export async function saveWith(page: Page, button: string): Promise<number> {
  // On an edit page the URL may already say ?saved=…: wait for the version to change instead.
  const meta = page.locator(".article-meta");
  const before = /\/edit/.test(page.url()) ? await meta.textContent() : null;
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+\/edit\?saved=/);
  if (before !== null) await expect(meta).not.toHaveText(before);
  return Number(/\/admin\/articles\/(\d+)\/edit/.exec(page.url())![1]);
}

export async function createArticle(page: Page, a: NewArticle, button = "Save draft"): Promise<{ id: number; slug: string }> {
  await fillNewArticle(page, a);
  const slug = await field(page, "Slug").inputValue();
  const id = await saveWith(page, button);
  return { id, slug };
}

/** Wall-clock text for a `datetime-local` input in the given zone, `seconds` from now. */
export function localInputIn(zone: string, secondsFromNow: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(Date.now() + secondsFromNow * 1000))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}
