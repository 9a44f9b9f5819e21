import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { ADMIN, EDITOR, addTag, createArticle, field, fillNewArticle, localInputIn, saveWith, signIn, unique } from "./editorial-helpers";

const ZONE = "Europe/Berlin";
test.use({ timezoneId: ZONE });

test("a draft stays private, previews by signed link, and once published shows on the front page, its tag page and its URL", async ({
  page,
  browser,
  request,
}) => {
  const word = unique();
  const title = `Harbour reopens ${word}`;
  const tag = `Ports ${word}`;
  await signIn(page);
  const { id, slug } = await createArticle(page, {
    title,
    dek: "Ships return after the storm.",
    body: `First **bold** paragraph ${word}.\n\nSecond paragraph.`,
    tags: [tag],
  });
  expect(slug).toBe(`harbour-reopens-${word}`);
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // Not public while a draft.
  expect((await request.get(`/articles/${slug}`)).status()).toBe(404);

  // The signed preview link works for anyone holding it (a signed-out browser here).
  const href = await page.getByRole("link", { name: "Preview as readers will see it" }).getAttribute("href");
  expect(href).toMatch(/^\/preview\/\d+\.\d+\.[\w-]{43}$/);
  const stranger = await browser.newContext();
  const preview = await stranger.newPage();
  const previewResponse = await preview.goto(href!);
  expect(previewResponse?.status()).toBe(200);
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(preview.locator("strong", { hasText: "bold" })).toBeVisible();
  await expect(preview.getByText(/Preview of a draft article/)).toBeVisible();
  // A token edited to another article (or re-signed badly) is refused.
  const [, exp, sig] = href!.split("/preview/")[1].split(".");
  expect((await request.get(`/preview/${id + 1}.${exp}.${sig}`)).status()).toBe(404);
  await stranger.close();

  // Publish: visible at its URL, on the front page and on its tag page.
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page).toHaveURL(/saved=publish/);
  const articlePage = await request.get(`/articles/${slug}`);
  expect(articlePage.status()).toBe(200);
  expect(await articlePage.text()).toContain(title);
  await page.goto("/");
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();
  const tagSlug = `ports-${word}`;
  await page.goto(`/tags/${tagSlug}`);
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();

  // …on its author's page, and in the feed and sitemap.
  await page.goto(`/articles/${slug}`);
  await page.locator("a[rel=author]").click();
  await expect(page).toHaveURL(/\/authors\//);
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();
  expect(await (await request.get("/feed.xml")).text()).toContain(title);
  expect(await (await request.get("/sitemap.xml")).text()).toContain(`/articles/${slug}`);

  // The admin list shows it as published.
  await page.goto(`/admin/articles?q=${word}`);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Published");
});

test("changing the title and slug of a published article keeps the old URL answering with a permanent redirect", async ({
  page,
  request,
}) => {
  const word = unique();
  await signIn(page);
  const { slug: oldSlug } = await createArticle(page, { title: `Council budget ${word}` }, "Publish now");
  expect((await request.get(`/articles/${oldSlug}`)).status()).toBe(200);

  await field(page, "Title").fill(`Council budget approved ${word}`);
  // The slug of a published article no longer follows the title by itself.
  await expect(field(page, "Slug")).toHaveValue(oldSlug);
  await field(page, "Slug").fill(`council-budget-approved-${word}`);
  await saveWith(page, "Update");

  const moved = await request.get(`/articles/${oldSlug}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(moved.headers().location).toMatch(new RegExp(`/articles/council-budget-approved-${word}$`));
  const current = await request.get(`/articles/council-budget-approved-${word}`);
  expect(current.status()).toBe(200);
  expect(await current.text()).toContain(`Council budget approved ${word}`);

  // A second rename: both old addresses lead straight to the newest one.
  await field(page, "Slug").fill(`budget-final-${word}`);
  await saveWith(page, "Update");
  for (const old of [oldSlug, `council-budget-approved-${word}`]) {
    const r = await request.get(`/articles/${old}`, { maxRedirects: 0 });
    expect(r.status()).toBe(301);
    expect(r.headers().location).toMatch(new RegExp(`/articles/budget-final-${word}$`));
  }
});

test("a scheduled article appears on the site by itself when its time comes", async ({ page, request }) => {
  test.setTimeout(180_000);
  const word = unique();
  const title = `Eclipse tonight ${word}`;
  await signIn(page);
  await fillNewArticle(page, { title, tags: [`Sky ${word}`] });
  const slug = await field(page, "Slug").inputValue();
  await expect(page.getByText(`Your time zone: ${ZONE}`)).toBeVisible();
  await field(page, "Publish at").fill(localInputIn(ZONE, 60));
  await saveWith(page, "Schedule");
  await expect(page.getByText("Scheduled: it will be published")).toBeVisible();
  expect((await request.get(`/articles/${slug}`)).status()).toBe(404);

  await page.goto(`/admin/articles?status=scheduled&q=${word}`);
  await expect(page.getByRole("row").filter({ hasText: title })).toContainText("Scheduled");

  // Nobody touches the admin from here on: the server's scheduler publishes it.
  await expect
    .poll(async () => (await request.get(`/articles/${slug}`)).status(), { timeout: 100_000, intervals: [5_000] })
    .toBe(200);
  const front = await request.get("/");
  expect(await front.text()).toContain(title);
  const tagPage = await request.get(`/tags/sky-${word}`);
  expect(await tagPage.text()).toContain(title);
  expect(await (await request.get("/feed.xml")).text()).toContain(title);
  expect(await (await request.get(`/tags/sky-${word}/feed.xml`)).text()).toContain(title);
});

test("an uploaded hero image is served with long cache headers and shown on the public page with its alt text", async ({
  page,
  request,
}) => {
  const word = unique();
  const png = await sharp({ create: { width: 1200, height: 675, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .png()
    .toBuffer();
  await signIn(page);
  await fillNewArticle(page, { title: `Flood barrier ${word}` });
  const slug = await field(page, "Slug").inputValue();
  await field(page, "Image file").setInputFiles({ name: "barrier.png", mimeType: "image/png", buffer: png });
  // Alt text is required with an image.
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.locator("#field-heroAlt-error")).toContainText("alt text is required");
  await expect(field(page, "Title")).toHaveValue(`Flood barrier ${word}`);
  await field(page, "Alt text").fill(`The flood barrier closed at high tide ${word}`);
  await field(page, "Caption").fill("Photo: Harbour Authority");
  await saveWith(page, "Publish now");

  await page.goto(`/articles/${slug}`);
  const img = page.getByRole("img", { name: `The flood barrier closed at high tide ${word}` });
  await expect(img).toBeVisible();
  await expect(page.getByText("Photo: Harbour Authority")).toBeVisible();
  const src = await img.getAttribute("src");
  expect(src).toMatch(/^\/media\/\d{4}\/\d{2}\/[0-9a-f]{24}\.png/);
  const path = src!.split("?")[0];
  // Responsive: narrower copies for small screens, the box reserved from the first byte, fetched first.
  await expect(img).toHaveAttribute("srcset", `${path}?w=320 320w, ${path}?w=640 640w, ${path}?w=960 960w, ${path} 1200w`);
  await expect(img).toHaveAttribute("sizes", /40rem/);
  await expect(img).toHaveAttribute("width", "1200");
  await expect(img).toHaveAttribute("height", "675");
  await expect(img).toHaveAttribute("fetchpriority", "high");
  for (const w of [640, 960]) {
    const copy = await request.get(`${path}?w=${w}`);
    expect(copy.status()).toBe(200);
    expect((await sharp(await copy.body()).metadata()).width).toBe(w);
  }

  const original = await request.get(path);
  expect(original.status()).toBe(200);
  expect(original.headers()["content-type"]).toBe("image/png");
  expect(original.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const small = await request.get(`${path}?w=320`);
  expect(small.status()).toBe(200);
  expect((await sharp(await small.body()).metadata()).width).toBe(320);
  expect((await request.get(`${path}?w=333`)).status()).toBe(400);
  expect((await request.get(`/media/2020/01/${"0".repeat(24)}.png`)).status()).toBe(404);
});

test("restoring a revision brings the old text back as a new version", async ({ page }) => {
  const word = unique();
  await signIn(page);
  const { id } = await createArticle(page, { title: `Rail strike ${word}`, body: `Original wording ${word}.`, tags: [`Rail ${word}`] });
  await field(page, "Body").fill(`Rewritten wording ${word}.`);
  await field(page, "Title").fill(`Rail strike called off ${word}`);
  await saveWith(page, "Save draft");

  await page.getByRole("link", { name: "Revisions" }).click();
  await expect(page.getByRole("row")).toHaveCount(3); // header + 2 versions
  await page.getByRole("link", { name: "Version 1", exact: true }).click();
  await expect(page.locator("del").filter({ hasText: "Original" })).toBeVisible();
  await expect(page.locator("ins").filter({ hasText: "Rewritten" })).toBeVisible();
  await page.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${id}/edit\\?saved=restore`));
  await expect(field(page, "Title")).toHaveValue(`Rail strike ${word}`);
  await expect(field(page, "Body")).toHaveValue(`Original wording ${word}.`);
  await expect(page.getByText("(version 3)")).toBeVisible();
  await page.goto(`/admin/articles/${id}/revisions`);
  await expect(page.getByRole("link", { name: "Version 3 (current)" })).toBeVisible();
});

test("two editors on one article: the stale save is refused, names who saved in between and keeps the text", async ({ browser }) => {
  const word = unique();
  const editorContext = await browser.newContext({ timezoneId: ZONE });
  const adminContext = await browser.newContext({ timezoneId: ZONE });
  const editor = await editorContext.newPage();
  const admin = await adminContext.newPage();
  await signIn(editor, EDITOR);
  await signIn(admin, ADMIN);
  const { id } = await createArticle(editor, { title: `Shared desk ${word}`, body: "First version." });

  await admin.goto(`/admin/articles/${id}/edit`);
  // Both have version 1 open; the admin saves first.
  await field(admin, "Body").fill("The admin's version.");
  await saveWith(admin, "Save draft");

  await field(editor, "Body").fill(`The editor's careful rewrite ${word}.`);
  await field(editor, "Standfirst").fill("An editor's standfirst");
  await editor.getByRole("button", { name: "Save draft" }).click();
  await expect(editor.getByText(/Demo Admin saved this article at .* while you were editing/)).toBeVisible();
  await expect(editor.getByText(/Your changes have not been saved/)).toBeVisible();
  await expect(editor).toHaveURL(new RegExp(`/admin/articles/${id}/edit\\?saved=save$`));
  await expect(field(editor, "Body")).toHaveValue(`The editor's careful rewrite ${word}.`);
  await expect(field(editor, "Standfirst")).toHaveValue("An editor's standfirst");
  await expect(editor.getByRole("link", { name: /Open the latest version \(saved by Demo Admin\)/ })).toBeVisible();

  // Nothing was overwritten.
  await admin.reload();
  await expect(field(admin, "Body")).toHaveValue("The admin's version.");
  await expect(admin.getByText("(version 2)")).toBeVisible();
  await editorContext.close();
  await adminContext.close();
});

test("the list filters by status, text, tag and author and counts each status", async ({ page }) => {
  const word = unique();
  await signIn(page);
  await createArticle(page, { title: `Filter draft ${word}`, tags: [`Filtertag ${word}`] });
  await fillNewArticle(page, { title: `Filter live ${word}` });
  await field(page, "Author").selectOption({ label: "Foreign Desk" });
  await saveWith(page, "Publish now");

  await page.goto("/admin/articles");
  const tabs = page.getByRole("navigation", { name: "Article status" });
  await expect(tabs.getByRole("link", { name: /^Drafts \d+$/ })).toBeVisible();
  await expect(tabs.getByRole("link", { name: /^Published \d+$/ })).toBeVisible();

  await page.getByLabel("Text").fill(word);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("row")).toHaveCount(3);
  await tabs.getByRole("link", { name: /^Drafts/ }).click();
  await expect(page).toHaveURL(/status=draft/);
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("row").nth(1)).toContainText(`Filter draft ${word}`);

  await page.goto(`/admin/articles?q=${word}`);
  await page.getByLabel("Author").selectOption({ label: "Foreign Desk" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("row").nth(1)).toContainText(`Filter live ${word}`);
  await expect(page.getByRole("row").nth(1)).toContainText("Foreign Desk");

  await page.goto(`/admin/articles?tag=filtertag-${word}`);
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.goto(`/admin/articles?tag=no-such-tag-${word}`);
  await expect(page.getByText("No articles match these filters.")).toBeVisible();
});

test("the toolbar formats the selection and the live preview matches the public rendering", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/articles/new");
  const body = field(page, "Body");
  await body.fill("plain words");
  await body.selectText();
  await page.getByRole("button", { name: "Bold" }).click();
  await expect(body).toHaveValue("**plain words**");
  await body.press("End");
  await body.press("Enter");
  await body.pressSequentially("quoted");
  await page.getByRole("button", { name: "Quote" }).click();
  await expect(body).toHaveValue("**plain words**\n> quoted");
  const preview = page.getByTestId("markdown-preview");
  await expect(preview.locator("strong")).toHaveText("plain words");
  // Raw HTML and script URLs never reach the preview (the public pipeline drops them).
  await body.fill('<script>alert(1)</script>\n\n[x](javascript:alert(1)) and <img src=x onerror=alert(1)>');
  await expect(preview).toContainText("x");
  await expect(preview.locator("script, img, a[href^='javascript']")).toHaveCount(0);
});

test("unpublishing hides an article at once; deleting asks for confirmation and removes it", async ({ page, request }) => {
  const word = unique();
  const title = `Recall notice ${word}`;
  await signIn(page);
  const { slug } = await createArticle(page, { title }, "Publish now");
  expect((await request.get(`/articles/${slug}`)).status()).toBe(200);
  await saveWith(page, "Unpublish");
  await expect(page.getByText("Unpublished: readers can no longer see it.")).toBeVisible();
  expect((await request.get(`/articles/${slug}`)).status()).toBe(404);
  expect(await (await request.get("/")).text()).not.toContain(title);

  await page.getByRole("button", { name: "Delete article…" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete “${title}”?` });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Delete article…" }).click();
  await dialog.getByRole("button", { name: "Delete permanently" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\?deleted=/);
  await expect(page.getByText(`Deleted the article “${slug}”.`)).toBeVisible();
  await page.goto(`/admin/articles?q=${word}`);
  await expect(page.getByText("No articles match these filters.")).toBeVisible();
});

test("the scheduler endpoint refuses calls without the server's key", async ({ request }) => {
  expect((await request.post("/api/internal/publish-due")).status()).toBe(401);
  expect(
    (await request.post("/api/internal/publish-due", { headers: { "x-dateline-scheduler": "guess" } })).status(),
  ).toBe(401);
});

test("adding an existing tag reuses it and keeps the chosen order", async ({ page }) => {
  const word = unique();
  await signIn(page);
  await fillNewArticle(page, { title: `Order ${word}` });
  await addTag(page, `Zeta ${word}`);
  await field(page, "Tags").fill("Taliban");
  await expect(page.getByRole("option", { name: "Taliban" })).toBeVisible();
  await page.getByRole("option", { name: "Taliban" }).click();
  await addTag(page, `Alpha ${word}`);
  await saveWith(page, "Save draft");
  await expect(page.getByRole("list", { name: "Chosen tags" }).locator("li > span:not(.badge)")).toHaveText([
    `Zeta ${word}`,
    "Taliban",
    `Alpha ${word}`,
  ]);
});
