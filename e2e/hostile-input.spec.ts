import { expect, test, type Page } from "@playwright/test";
import { XSS_PAYLOADS } from "./fixtures/xss-corpus";
import { collectViolations, guardPage, signIn, waitForHydration, type Guard } from "./support/browser-guards";
import { pages } from "./support/app-routes";
import { openTestDatabase } from "./support/db";
import { auditDom } from "./support/dom-audit";

/**
 * The XSS corpus in every field an editor fills that readers see: article title, dek, body,
 * hero alt text and caption, SEO title and description, tag names and descriptions, author name
 * and bio. Payload k goes into field f of article (k - f), so every payload meets every field.
 * In Chromium: no dialog, `window.__pwned` never set, no CSP violation, and nothing that can run
 * (see support/dom-audit.ts) reaches the DOM — while the hostile text itself is on the page, as
 * text.
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

const STAMP = Date.now().toString(36);
const P = XSS_PAYLOADS;
const at = (k: number) => P[((k % P.length) + P.length) % P.length];

type Seeded = { articles: { slug: string; title: string }[]; tags: { slug: string; name: string }[]; author: { slug: string; name: string } };

/** Written straight into the server's database, as the editor's save would store it. */
function seedHostileContent(): Seeded {
  const db = openTestDatabase(false);
  try {
    const now = Date.now();
    const seeded: Seeded = { articles: [], tags: [], author: { slug: `hostile-desk-${STAMP}`, name: at(0) } };
    db.transaction(() => {
      const author = db
        .prepare("insert into authors (slug, name, bio) values (?, ?, ?) returning id")
        .get(seeded.author.slug, seeded.author.name, P.join("\n\n")) as { id: number };
      const tagIds: number[] = [];
      P.forEach((payload, i) => {
        const slug = `hostile-${STAMP}-${i + 1}`;
        const row = db.prepare("insert into tags (slug, name, description) values (?, ?, ?) returning id").get(slug, payload, at(i + 7)) as { id: number };
        tagIds.push(row.id);
        seeded.tags.push({ slug, name: payload });
      });
      P.forEach((_payload, i) => {
        const slug = `hostile-${STAMP}-article-${i + 1}`;
        const title = at(i);
        const body = [`Paragraph before ${at(i + 2)} inline.`, at(i + 2), `> ${at(i + 3)}`, `- ${at(i + 4)}`, `Paragraph after.`].join("\n\n");
        const row = db
          .prepare(
            `insert into articles (slug, title, dek, body, status, published_at, updated_at, author_id, hero_image, hero_alt, hero_caption, seo_title, seo_description)
             values (?, ?, ?, ?, 'published', ?, ?, ?, '/ads/house-rectangle.svg', ?, ?, ?, ?) returning id`,
          )
          .get(slug, title, at(i + 1), body, now - (i + 1) * 60_000, now - (i + 1) * 60_000, author.id, at(i + 5), at(i + 6), at(i + 7), at(i + 8)) as {
          id: number;
        };
        [i, i + 1, i + 2].forEach((t, position) =>
          db.prepare("insert into article_tags (article_id, tag_id, position) values (?, ?, ?)").run(row.id, tagIds[t % tagIds.length], position),
        );
        seeded.articles.push({ slug, title });
      });
    })();
    return seeded;
  } finally {
    db.close();
  }
}

async function visit(page: Page, guard: Guard, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  expect(new URL(page.url()).pathname, path).toBe(path.split("?")[0]);
  await waitForHydration(page);
  await collectViolations(page, guard);
  expect(await auditDom(page), path).toEqual([]);
  guard.assertClean(path);
}

test("the XSS corpus in every reader-facing field is shown as text and never runs", async ({ page, baseURL }) => {
  expect(P.length).toBeGreaterThanOrEqual(30);
  const seeded = seedHostileContent();
  // Nothing leaves the test machine: payloads that point elsewhere just fail to load.
  await page.route((url) => !url.href.startsWith(baseURL!), (route) => route.abort());
  const guard = await guardPage(page, { allowConsole: [/Failed to load resource/] });

  for (const article of seeded.articles) {
    await visit(page, guard, `/articles/${article.slug}`);
    // The payload is there, as the text of the headline: escaped, not dropped.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.title.replace(/\s+/g, " ").trim());
  }
  for (const tag of seeded.tags) {
    await visit(page, guard, `/tags/${tag.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(tag.name.replace(/\s+/g, " ").trim());
  }
  await visit(page, guard, `/authors/${seeded.author.slug}`);
  if (pages().some((p) => p.pattern === "/search")) await visit(page, guard, `/search?q=pwned`);

  // Editors see the same text in the admin: it must not run there either (stored XSS against
  // another editor's session).
  await signIn(page, "admin");
  for (const path of ["/admin", "/admin/articles", "/admin/tags", "/admin/audit"]) {
    if (pages().some((p) => p.pattern === path)) await visit(page, guard, path);
  }
  test.info().annotations.push({
    type: "payloads",
    description: `${P.length} payloads × 11 fields: ${seeded.articles.length} article pages, ${seeded.tags.length} tag pages, 1 author page`,
  });
});

/** Short enough for the settings form's limits (site name ≤ 80, description ≤ 300 characters). */
const SETTINGS_PAYLOADS = [
  [`</script><script>window.__pwned=18;alert(18)</script>`, `<img src=x onerror="window.__pwned=2;alert(2)">`],
  [`"><svg onload=window.__pwned=3>`, `javascript:window.__pwned=7`],
  [`<iframe srcdoc="<script>parent.__pwned=6</script>">`, `'><img src=x onerror=window.__pwned=21>`],
  [`{{constructor.constructor('window.__pwned=48')()}}`, `<!--</script><script>window.__pwned=19</script>-->`],
] as const;

test("hostile site name and description, saved through the real settings form, never run", async ({ page, baseURL }) => {
  test.skip(!pages().some((p) => p.pattern === "/admin/settings"), "no settings page in this build");
  await page.route((url) => !url.href.startsWith(baseURL!), (route) => route.abort());
  const guard = await guardPage(page, { allowConsole: [/Failed to load resource/] });
  await signIn(page, "admin", "/admin/settings");
  const form = page.getByRole("region", { name: "Site" });
  const original = { name: await form.getByLabel("Site name").inputValue(), description: await form.getByLabel("Description").inputValue() };
  const save = async (name: string, description: string) => {
    await page.goto("/admin/settings");
    await form.getByLabel("Site name").fill(name);
    await form.getByLabel("Description").fill(description);
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByRole("status")).toHaveText(/Settings saved/);
  };
  try {
    for (const [name, description] of SETTINGS_PAYLOADS) {
      await save(name, description);
      await visit(page, guard, "/admin/settings");
      await expect(form.getByLabel("Site name")).toHaveValue(name);
      for (const path of ["/", "/articles/russia-becomes-first-nation-to-officially-recognize-taliban-government", "/tags/russia", "/search?q=taliban"]) {
        await visit(page, guard, path);
      }
      // The masthead shows the name as text, and the title carries it verbatim.
      await expect(page.getByRole("banner")).toContainText(name);
    }
  } finally {
    await save(original.name, original.description);
  }
  test.info().annotations.push({ type: "payloads", description: `${SETTINGS_PAYLOADS.length * 2} payloads through the settings form, 4 public pages each` });
});

/** One article's worth of hostile fields, within the editor form's limits. */
const FORM_ARTICLES = [
  {
    title: `</script><script>window.__pwned=18;alert(18)</script> Harbour`,
    dek: `<img src=x onerror="window.__pwned=2;alert(2)">`,
    body: [0, 6, 10, 12, 13, 14, 38, 40, 41].map((k) => XSS_PAYLOADS[k]).join("\n\n"),
    tags: [`<svg onload=window.__pwned=3> Ports`, `"><script>window.__pwned=20</script> Docks`],
    alt: `" onerror="window.__pwned=14`,
    caption: `<iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>`,
    seoTitle: `</title><script>window.__pwned=50</script>`,
    seoDescription: `"><meta http-equiv=refresh content="0;url=javascript:window.__pwned=28">`,
  },
  {
    title: `<img src=x onerror=window.__pwned=21> Council`,
    dek: `{{constructor.constructor('window.__pwned=48')()}}`,
    body: [1, 3, 4, 17, 18, 22, 23, 25, 31, 32, 44, 45].map((k) => XSS_PAYLOADS[k]).join("\n\n"),
    tags: [`javascript:window.__pwned=7 Budget`],
    alt: `<script>window.__pwned=1</script>`,
    caption: `'><img src=x onerror=window.__pwned=21>`,
    seoTitle: `"><svg onload=window.__pwned=3>`,
    seoDescription: `</script><script>window.__pwned=18</script>`,
  },
] as const;

test("hostile articles written through the real editor never run: public page, front page, tag page, search, preview, admin", async ({ page, baseURL }) => {
  test.skip(!pages().some((p) => p.pattern === "/admin/articles/new"), "no article editor in this build");
  const { default: sharp } = await import("sharp");
  const { slugify } = await import("../lib/slug");
  const png = await sharp({ create: { width: 800, height: 450, channels: 3, background: { r: 120, g: 30, b: 30 } } }).png().toBuffer();
  await page.route((url) => !url.href.startsWith(baseURL!), (route) => route.abort());
  const guard = await guardPage(page, { allowConsole: [/Failed to load resource/] });
  await signIn(page, "editor");
  const field = (label: string) => page.getByLabel(label, { exact: true });
  for (const a of FORM_ARTICLES) {
    await page.goto("/admin/articles/new");
    await field("Title").fill(a.title);
    await field("Standfirst").fill(a.dek);
    await field("Body").fill(a.body);
    for (const tag of a.tags) {
      await field("Tags").fill(tag);
      await field("Tags").press("Enter");
    }
    await field("Image file").setInputFiles({ name: "hostile.png", mimeType: "image/png", buffer: png });
    await field("Alt text").fill(a.alt);
    await field("Caption").fill(a.caption);
    await field("SEO title").fill(a.seoTitle);
    await field("SEO description").fill(a.seoDescription);
    const slug = await field("Slug").inputValue();
    await page.getByRole("button", { name: "Publish now", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/\d+\/edit\?saved=/);
    const editPath = new URL(page.url()).pathname;
    // The editor's own screen, with the live preview of the body rendered.
    await visit(page, guard, editPath);
    const preview = page.getByRole("link", { name: "Preview as readers will see it" });
    const previewHref = (await preview.count()) ? await preview.getAttribute("href") : null;

    await visit(page, guard, `/articles/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.title);
    // The structured data carries the headline intact: `</script>` did not break out of it.
    const headlines = await page
      .locator('script[type="application/ld+json"]')
      .evaluateAll((els) => els.flatMap((el) => [JSON.parse(el.textContent ?? "null")].flat()).map((d) => d?.headline).filter(Boolean));
    expect(headlines.some((h) => h === a.title || h === a.seoTitle), JSON.stringify(headlines)).toBe(true);
    await visit(page, guard, "/");
    await expect(page.getByRole("link", { name: a.title }).first()).toBeVisible();
    for (const tag of a.tags) await visit(page, guard, `/tags/${slugify(tag)}`);
    if (previewHref) await visit(page, guard, previewHref);
  }
  await visit(page, guard, "/search?q=pwned");
  await visit(page, guard, "/admin/articles");
  await visit(page, guard, "/admin/tags");
});
