import { expect, test, type Page } from "@playwright/test";
import { field, fillNewArticle, localInputIn, signIn, unique } from "./editorial-helpers";

/** Nothing with this word exists anywhere in the admin list. */
async function expectNothingSaved(page: Page, word: string) {
  const list = await page.request.get(`/admin/articles?q=${word}`);
  expect(await list.text()).toContain("No articles match these filters.");
}

async function submitAndExpectError(page: Page, button: string, fieldId: string, message: string | RegExp) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByText("Nothing was saved. Check the fields marked below.")).toBeVisible();
  await expect(page.locator(`#field-${fieldId}-error`)).toHaveText(message);
  await expect(page.locator(`#field-${fieldId}`)).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/admin\/articles\/new$/);
}

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("an empty or over-long title is refused beside the field, keeping what was typed", async ({ page }) => {
  const word = unique();
  await fillNewArticle(page, { title: "", body: `Body kept ${word}`, dek: `Dek kept ${word}` });
  await submitAndExpectError(page, "Save draft", "title", "Enter a title.");
  await expect(field(page, "Body")).toHaveValue(`Body kept ${word}`);
  await expect(field(page, "Standfirst")).toHaveValue(`Dek kept ${word}`);

  await field(page, "Title").fill(`${word} ${"x".repeat(260)}`);
  await field(page, "Slug").fill(`long-${word}`);
  await submitAndExpectError(page, "Save draft", "title", "The title is at most 255 characters.");
  await expect(field(page, "Title")).toHaveValue(`${word} ${"x".repeat(260)}`);
  await expectNothingSaved(page, word);
});

test("a slug with illegal characters is refused", async ({ page }) => {
  const word = unique();
  await fillNewArticle(page, { title: `Slug test ${word}` });
  await field(page, "Slug").fill(`Bad Slug/${word}!`);
  await submitAndExpectError(page, "Save draft", "slug", /Use lowercase letters \(a–z\), digits and single dashes/);
  await expect(field(page, "Slug")).toHaveValue(`Bad Slug/${word}!`);
  await expectNothingSaved(page, word);
});

test("a slug another article uses is refused, naming that article", async ({ page }) => {
  const word = unique();
  await fillNewArticle(page, { title: `Collision ${word}` });
  await field(page, "Slug").fill("russia-becomes-first-nation-to-officially-recognize-taliban-government");
  await submitAndExpectError(
    page,
    "Save draft",
    "slug",
    "This slug is already used by the article “Russia Becomes First Nation to Officially Recognize Taliban Government”. Choose another.",
  );
  await expectNothingSaved(page, word);
});

test("a 5 MB body gets a clear message, not a failed request", async ({ page }) => {
  test.setTimeout(120_000);
  const word = unique();
  await fillNewArticle(page, { title: `Huge body ${word}`, body: `${word} ${"a".repeat(5 * 1024 * 1024)}` });
  await submitAndExpectError(page, "Save draft", "body", "The body is 5.0 MB; the limit is 200 KB. Split it or trim it.");
  await expect(field(page, "Title")).toHaveValue(`Huge body ${word}`);
  await expectNothingSaved(page, word);
});

test("a file that is not an image is refused whatever its name says", async ({ page }) => {
  const word = unique();
  await fillNewArticle(page, { title: `Not an image ${word}` });
  await field(page, "Image file").setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("GIF89a? no, just text") });
  await field(page, "Alt text").fill("Alt kept");
  await submitAndExpectError(page, "Save draft", "heroFile", "This file is not a JPEG, PNG or WebP image. Choose a photo in one of those formats.");
  await expect(field(page, "Alt text")).toHaveValue("Alt kept");
  await expectNothingSaved(page, word);
});

test("scheduling for a time in the past is refused", async ({ page }) => {
  const word = unique();
  await fillNewArticle(page, { title: `Past schedule ${word}` });
  await field(page, "Publish at").fill(localInputIn("UTC", -3600).slice(0, 16));
  await submitAndExpectError(page, "Schedule", "publishAt", "Choose a time in the future, or publish now.");
  await field(page, "Publish at").fill("");
  await submitAndExpectError(page, "Schedule", "publishAt", "Choose when to publish.");
  await expectNothingSaved(page, word);
});

test("an unknown author or tag id is refused beside its field", async ({ page }) => {
  const word = unique();
  await fillNewArticle(page, { title: `Forged ids ${word}` });
  // What a tampered form would send.
  await page.locator("#field-authorId").evaluate((select: HTMLSelectElement) => {
    select.add(new Option("Ghost", "999999"));
    select.value = "999999";
  });
  await page.locator("form.article-form").evaluate((form: HTMLFormElement) => {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "tags";
    input.value = "id:999999";
    form.append(input);
  });
  await submitAndExpectError(page, "Save draft", "authorId", "Unknown author (id 999999). Choose an author from the list.");
  await expect(page.locator("#field-tags-error")).toHaveText(/Unknown tag \(id 999999\)/);
  await expectNothingSaved(page, word);
});

test("an unknown article, revision or tag id in the admin answers 404", async ({ page }) => {
  for (const path of ["/admin/articles/999999/edit", "/admin/articles/abc/edit", "/admin/articles/1/revisions/999999", "/admin/tags/999999/edit"]) {
    const r = await page.request.get(path);
    expect(r.status(), path).toBe(404);
  }
  expect((await page.request.get("/preview/not-a-token")).status()).toBe(404);
});
