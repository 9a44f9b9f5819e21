import { expect, test } from "@playwright/test";
import { createArticle, field, signIn, unique } from "./editorial-helpers";

test("an editor renames a tag (its old address redirects), merges one tag into another and deletes a tag", async ({ page, request }) => {
  const word = unique();
  await signIn(page);
  const { slug } = await createArticle(page, { title: `Tag story ${word}`, tags: [`Kabul ${word}`, `Asia ${word}`, `Extra ${word}`] }, "Publish now");

  // Rename.
  await page.goto(`/admin/tags?q=kabul-${word}`);
  await page.getByRole("link", { name: `Kabul ${word}` }).click();
  await field(page, "Name").fill(`Kabul City ${word}`);
  await field(page, "Slug").fill(`kabul-city-${word}`);
  await page.getByRole("button", { name: "Save tag" }).click();
  await expect(page.getByText("Tag saved.")).toBeVisible();
  const old = await request.get(`/tags/kabul-${word}`, { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  expect(old.headers().location).toMatch(new RegExp(`/tags/kabul-city-${word}$`));
  const renamed = await request.get(`/tags/kabul-city-${word}`);
  expect(renamed.status()).toBe(200);
  expect(await renamed.text()).toContain(`Tag story ${word}`);
  expect(await (await request.get(`/articles/${slug}`)).text()).toContain(`Kabul City ${word}`);

  // Merge "Asia" into the renamed tag.
  await page.goto(`/admin/tags?q=asia-${word}`);
  await page.getByRole("link", { name: `Asia ${word}` }).click();
  await field(page, "Merge into").fill(`Kabul City ${word}`);
  await page.getByRole("button", { name: "Merge tags" }).click();
  await expect(page.getByText("Tags merged")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Tag: Kabul City ${word}`);
  const merged = await request.get(`/tags/asia-${word}`, { maxRedirects: 0 });
  expect(merged.status()).toBe(301);
  expect(merged.headers().location).toMatch(new RegExp(`/tags/kabul-city-${word}$`));

  // Delete "Extra": the article keeps its other tag.
  await page.goto(`/admin/tags?q=extra-${word}`);
  await page.getByRole("link", { name: `Extra ${word}` }).click();
  await page.getByRole("button", { name: "Delete tag…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete permanently" }).click();
  await expect(page.getByText(`Deleted the tag “Extra ${word}”.`)).toBeVisible();
  expect((await request.get(`/tags/extra-${word}`)).status()).toBe(404);
  const article = await request.get(`/articles/${slug}`);
  const html = await article.text();
  expect(html).toContain(`Kabul City ${word}`);
  expect(html).not.toContain(`Extra ${word}`);
  expect(html).not.toContain(`>Asia ${word}<`);
});

test("tag forms refuse bad input beside the field and keep it", async ({ page }) => {
  const word = unique();
  await signIn(page);
  await page.goto("/admin/tags/new");
  await field(page, "Name").fill("Taliban");
  await page.getByRole("button", { name: "Create tag" }).click();
  await expect(page.locator("#field-name-error")).toHaveText("A tag named “Taliban” already exists.");
  await expect(field(page, "Name")).toHaveValue("Taliban");

  await field(page, "Name").fill(`Fresh ${word}`);
  await field(page, "Slug").fill("Not A Slug");
  await page.getByRole("button", { name: "Create tag" }).click();
  await expect(page.locator("#field-slug-error")).toContainText("Use lowercase letters");
  await expect(field(page, "Name")).toHaveValue(`Fresh ${word}`);

  await field(page, "Slug").fill("");
  await page.getByRole("button", { name: "Create tag" }).click();
  await expect(page.getByText(`Created the tag “Fresh ${word}”.`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: `fresh-${word}` })).toBeVisible();

  await page.getByRole("link", { name: `Fresh ${word}` }).click();
  await field(page, "Merge into").fill(`No such tag ${word}`);
  await page.getByRole("button", { name: "Merge tags" }).click();
  await expect(page.locator("#field-target-error")).toHaveText(`There is no tag named “No such tag ${word}”.`);
});

test("the tag list shows article counts", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/tags?q=taliban");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Taliban", exact: true }) });
  await expect(row.getByRole("cell").nth(2)).toHaveText(/^[1-9]\d*$/);
});
