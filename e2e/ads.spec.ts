import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { DEMO_ARTICLES } from "../db/seed/demo-articles";
import { slugify } from "../lib/slug";

/**
 * Ad slots end to end, as an editor and a reader would meet them. Each test targets its slots at
 * tags the reference article does not carry, so other specs that read that article see only its
 * own two slots.
 */

// Published demo articles (the seed keeps the last two as scheduled and draft).
const PUBLISHED = DEMO_ARTICLES.slice(0, -2);
const articleWith = (tag: string) => {
  const found = PUBLISHED.find((a) => a.tags.includes(tag));
  if (!found) throw new Error(`no published demo article tagged ${tag}`);
  return `/articles/${slugify(found.title)}`;
};
const articleWithout = (tag: string) => `/articles/${slugify(PUBLISHED.find((a) => !a.tags.includes(tag))!.title)}`;

const run = Date.now().toString(36).toUpperCase();
const LANDING = "https://advertiser.example/landing?campaign=e2e";

test.describe.configure({ mode: "serial" });

async function signIn(page: Page) {
  await page.goto("/login?callbackUrl=/admin/ad-slots");
  await page.getByLabel("Email").fill("editor@example.com");
  await page.getByLabel("Password").fill("editor-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/admin/ad-slots");
}

type SlotForm = {
  key: string;
  name: string;
  placement: string;
  after?: string;
  width: string;
  height: string;
  tags?: string;
};

async function fillSlot(page: Page, slot: SlotForm) {
  await page.goto("/admin/ad-slots/new");
  await page.getByLabel("Key").fill(slot.key);
  await page.getByLabel("Name").fill(slot.name);
  await page.getByLabel("Placement").selectOption({ label: slot.placement });
  if (slot.after) await page.getByLabel(/^After (paragraph|list item)$/).fill(slot.after);
  await page.getByLabel("Width (px)").fill(slot.width);
  await page.getByLabel("Height (px)").fill(slot.height);
  if (slot.tags) await page.getByLabel("Only on these tags").fill(slot.tags);
}

function slotRow(page: Page, key: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: key, exact: true }) });
}

/** Reads a row's cells by column header, so the test does not depend on the column order. */
async function rowCounts(page: Page, key: string) {
  const headers = await page.getByRole("columnheader").allTextContents();
  const cells = await slotRow(page, key).locator("th, td").allTextContents();
  const at = (name: string) => cells[headers.indexOf(name)].trim();
  return { status: at("Status"), impressions7: Number(at("Impressions 7 d")), clicks7: Number(at("Clicks 7 d")), clicks30: Number(at("Clicks 30 d")) };
}

test("an editor places an image ad after the body; readers see it, clicks count, deactivating removes it", async ({ page }) => {
  const key = `E2E_IMAGE_${run}`;
  await signIn(page);
  await fillSlot(page, { key, name: "Sport sponsor", placement: "Article: after the body", width: "300", height: "250", tags: "Sport" });
  const png = await sharp({ create: { width: 300, height: 250, channels: 3, background: "#d33" } }).png().toBuffer();
  await page.getByLabel("Upload image").setInputFiles({ name: "sponsor.png", mimeType: "image/png", buffer: png });
  await page.getByLabel("Click-through URL").fill(LANDING);
  await page.getByLabel("Alt text").fill("Season tickets on sale now");

  // The preview shows the creative at its reserved size before anything is saved.
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText("Advertisement", { exact: true })).toBeVisible();
  const previewImage = preview.getByRole("img", { name: "Season tickets on sale now" });
  await expect(previewImage).toBeVisible();
  expect(await previewImage.boundingBox()).toMatchObject({ width: 300, height: 250 });

  await page.getByRole("button", { name: "Create ad slot" }).click();
  await expect(page).toHaveURL(/\/admin\/ad-slots\?saved=/);
  await expect(page.getByRole("status")).toContainText(`Saved ad slot ${key}`);
  expect((await rowCounts(page, key)).status).toBe("Active");

  // A reader of a Sport article gets the slot, server-rendered, labelled, at its reserved size.
  const articlePath = articleWith("Sport");
  await page.route("https://advertiser.example/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>Advertiser</title><h1>Landing</h1>" }),
  );
  // The impression is counted by the picture itself, which comes through the counter (302).
  const impression = page.waitForResponse((r) => r.url().endsWith(`/ads/${key}/image`));
  const response = await page.goto(articlePath);
  const html = await response!.text();
  expect(html).toContain(`data-ad-slot="${key}"`);
  // It loads as the ad nears the screen: never preloaded with the page, and no pixel of its own.
  expect(html).not.toMatch(/<link[^>]+\/ads\/[^"]+\/image/);
  expect(html).not.toContain("impression.gif");
  const ad = page.locator(`[data-ad-slot="${key}"]`);
  await expect(ad).toHaveCount(1);
  await ad.scrollIntoViewIfNeeded();
  expect((await impression).status()).toBe(302);
  await expect(ad.getByText("Advertisement", { exact: true })).toBeVisible();
  const link = ad.getByRole("link", { name: "Season tickets on sale now" });
  await expect(link).toHaveAttribute("href", `/ads/${key}/click`);
  await expect(link).toHaveAttribute("rel", "sponsored noopener");
  const image = link.getByRole("img");
  await expect(image).toHaveAttribute("src", `/ads/${key}/image`);
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);
  expect(await image.boundingBox()).toMatchObject({ width: 300, height: 250 });

  // Targeting: an article without the Sport tag does not show it.
  await page.goto(articleWithout("Sport"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(`[data-ad-slot="${key}"]`)).toHaveCount(0);

  // A click goes through the counter (302) to the advertiser.
  const redirect = await page.request.get(`/ads/${key}/click`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  expect(redirect.headers()["location"]).toBe(LANDING);
  const secondImpression = page.waitForResponse((r) => r.url().endsWith(`/ads/${key}/image`));
  await page.goto(articlePath);
  await page.locator(`[data-ad-slot="${key}"]`).scrollIntoViewIfNeeded();
  expect((await secondImpression).status()).toBe(302);
  await page.locator(`[data-ad-slot="${key}"]`).getByRole("link").click();
  await expect(page).toHaveURL(LANDING);
  await expect(page.getByRole("heading", { name: "Landing" })).toBeVisible();

  // Ten more showings: counted in memory and written once a second; the admin writes what is
  // pending before it counts, so it shows them at once. Each redirects to the uploaded image.
  for (let i = 0; i < 10; i++) {
    const shown = await page.request.get(`/ads/${key}/image`, { maxRedirects: 0 });
    expect(shown.status()).toBe(302);
    expect(shown.headers()["location"]).toMatch(/^\/ads\/uploads\/[a-f0-9]{64}\.png$/);
    expect(shown.headers()).toMatchObject({ "cache-control": "no-store, max-age=0", "x-content-type-options": "nosniff" });
  }
  expect((await page.request.get(`/ads/${key}X/image`, { maxRedirects: 0 })).status()).toBe(404);

  // The admin counts both clicks and the impressions.
  await page.goto("/admin/ad-slots");
  const counts = await rowCounts(page, key);
  expect(counts).toMatchObject({ status: "Active", clicks7: 2, clicks30: 2 });
  expect(counts.impressions7).toBeGreaterThanOrEqual(12);

  // Deactivated, it is gone from the (cached) article at once.
  await page.getByRole("button", { name: `Deactivate ${key}` }).click();
  await expect(page.getByRole("status")).toContainText("deactivated");
  expect((await rowCounts(page, key)).status).toBe("Inactive");
  const after = await page.goto(articlePath);
  expect(await after!.text()).not.toContain(`data-ad-slot="${key}"`);
  await expect(page.locator(`[data-ad-slot="${key}"]`)).toHaveCount(0);
  await expect(page.locator('[data-ad-slot="YYYYYYYYYY"]')).toHaveCount(1);
});

test("bad input is refused next to its field and nothing is stored", async ({ page }) => {
  await signIn(page);
  await fillSlot(page, { key: "lower case", name: "", placement: "Article: after paragraph N", width: "0", height: "90" });
  await page.getByLabel("Click-through URL").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Create ad slot" }).click();
  await expect(page.getByText("The ad slot was not saved")).toBeVisible();
  await expect(page.getByLabel("Key")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Key")).toHaveValue("lower case");
  await expect(page.getByText("Use capital letters A–Z")).toBeVisible();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(page.getByText("Enter the paragraph the ad follows")).toBeVisible();
  await expect(page.getByText("The width must be between 1 and 2000 pixels.")).toBeVisible();
  await expect(page.getByText("The link must start with http:// or https://.")).toBeVisible();

  // Uploads are checked by their content and size.
  await fillSlot(page, { key: `E2E_UPLOAD_${run}`, name: "Upload", placement: "Sidebar", width: "300", height: "250" });
  await page.getByLabel("Click-through URL").fill("https://example.com/");
  await page.getByLabel("Alt text").fill("Upload");
  await page.getByLabel("Upload image").setInputFiles({ name: "ad.png", mimeType: "image/png", buffer: Buffer.from("<svg onload=alert(1)>") });
  await page.getByRole("button", { name: "Create ad slot" }).click();
  await expect(page.getByText("Upload a JPEG, PNG, WebP or GIF image.")).toBeVisible();
  await page.getByLabel("Upload image").setInputFiles({ name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(2.5 * 1024 * 1024, 1) });
  await page.getByRole("button", { name: "Create ad slot" }).click();
  await expect(page.getByText("The image may be at most 2 MB.")).toBeVisible();

  // A key already in use is named as such.
  await fillSlot(page, { key: "YYYYYYYYYY", name: "Copy", placement: "Sidebar", width: "300", height: "250" });
  await page.getByLabel("Image URL").fill("/ads/house-rectangle.svg");
  await page.getByLabel("Click-through URL").fill("https://example.com/");
  await page.getByLabel("Alt text").fill("Copy");
  await page.getByRole("button", { name: "Create ad slot" }).click();
  await expect(page.getByText("Another ad slot already uses the key YYYYYYYYYY.")).toBeVisible();
  await page.goto("/admin/ad-slots");
  await expect(page.getByRole("rowheader", { name: "YYYYYYYYYY", exact: true })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: "Copy" })).toHaveCount(0);
  await expect(page.getByRole("rowheader", { name: `E2E_UPLOAD_${run}` })).toHaveCount(0);
});

const HOSTILE_CREATIVE = `<p id="result">running</p>
<script>
  var out = [];
  try { parent.document.body.dataset.pwned = "1"; out.push("parent: reachable"); } catch (e) { out.push("parent: " + e.name); }
  try { out.push("cookie: " + JSON.stringify(document.cookie)); } catch (e) { out.push("cookie: " + e.name); }
  try { localStorage.setItem("x", "1"); out.push("storage: reachable"); } catch (e) { out.push("storage: " + e.name); }
  document.getElementById("result").textContent = out.join("; ");
</script>`;

test("an HTML creative runs sandboxed: it cannot touch the page, its cookies or the admin", async ({ page, context, baseURL }) => {
  const key = `E2E_HTML_${run}`;
  await signIn(page);
  await fillSlot(page, { key, name: "Network tag", placement: "Article: after the tags", width: "320", height: "100", tags: "Education" });
  await page.getByLabel("HTML / script code").check();
  await page.getByLabel("Ad code").fill(HOSTILE_CREATIVE);

  // The admin preview runs the code in the same sandbox: the admin page stays untouched.
  const previewFrame = page.getByRole("region", { name: "Preview" }).locator("iframe");
  await expect(previewFrame).toHaveAttribute("sandbox", "allow-scripts allow-popups allow-popups-to-escape-sandbox");
  await expect(page.frameLocator('[data-ad-preview-frame=""]').locator("#result")).toContainText("parent: SecurityError");
  expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();

  await page.getByRole("button", { name: "Create ad slot" }).click();
  await expect(page.getByRole("status")).toContainText(`Saved ad slot ${key}`);

  await context.addCookies([{ name: "reader_secret", value: "s3cret", url: baseURL! }]);
  const articlePath = articleWith("Education");
  // Lazy frames near the screen load with the page: listen from the start.
  const shown = page.waitForResponse((r) => r.url().endsWith(`/ads/${key}/impression.gif`));
  await page.goto(articlePath);
  const ad = page.locator(`[data-ad-slot="${key}"]`);
  await expect(ad.getByText("Advertisement", { exact: true })).toBeVisible();
  const frame = ad.locator("iframe");
  await expect(frame).toHaveAttribute("sandbox", "allow-scripts allow-popups allow-popups-to-escape-sandbox");
  await expect(frame).toHaveAttribute("loading", "lazy");
  await expect(frame).toHaveAttribute("width", "320");
  await expect(frame).toHaveAttribute("height", "100");
  // The code is never part of the page itself.
  expect(await page.content()).not.toContain("pwned");

  await frame.scrollIntoViewIfNeeded();
  // The creative's own document counts its showing: it loads the slot's pixel (the page has none).
  expect((await shown).status()).toBe(200);
  const result = page.frameLocator(`[data-ad-slot="${key}"] iframe`).locator("#result");
  await expect(result).not.toHaveText("running");
  await expect(result).toContainText("parent: SecurityError");
  await expect(result).toContainText("cookie: SecurityError");
  await expect(result).toContainText("storage: SecurityError");
  await expect(result).not.toContainText("s3cret");
  expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
  expect(new URL(page.url()).pathname).toBe(articlePath);
  expect(await frame.boundingBox()).toMatchObject({ width: 320, height: 100 });

  // Opened on its own, the creative is still confined by its own policy.
  const src = await frame.getAttribute("src");
  const direct = await page.request.get(src!);
  expect(direct.headers()["content-security-policy"]).toMatch(/(^|;\s*)sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox(;|$)/);
  expect(direct.headers()["content-security-policy"]).not.toContain("allow-same-origin");
});

test("an article with three ad slots does not shift while they load (CLS 0)", async ({ page }) => {
  const key = `E2E_INLINE_${run}`;
  await signIn(page);
  await fillSlot(page, { key, name: "Space inline", placement: "Article: after paragraph N", after: "2", width: "300", height: "250", tags: "Space" });
  await page.getByLabel("Image URL").fill("/ads/house-rectangle.svg");
  await page.getByLabel("Click-through URL").fill("https://example.com/space");
  await page.getByLabel("Alt text").fill("Space weekly");
  await page.getByRole("button", { name: "Create ad slot" }).click();
  await expect(page.getByRole("status")).toContainText(`Saved ad slot ${key}`);

  // A viewport taller than the article: every slot is on screen while its creative arrives, so
  // any box that were not reserved would push visible content when the creative loads.
  const reader = await page.context().browser()!.newPage({ viewport: { width: 1280, height: 6000 } });
  // Creatives arrive late, after the first paint, as they do from a real ad server.
  await reader.route(/\/ads\/(house-[a-z]+\.svg|[A-Z0-9_-]+\/(image|impression\.gif))$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue();
  });
  await reader.addInitScript(() => {
    const w = window as unknown as { __cls: number; __shifts: string[] };
    w.__cls = 0;
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (entry.hadRecentInput) continue;
        w.__cls += entry.value;
        w.__shifts.push((entry.sources ?? []).map((s) => (s.node as Element | undefined)?.outerHTML?.slice(0, 120) ?? "?").join(" | "));
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await reader.goto(articleWith("Space"));
  const slots = reader.locator("[data-ad-slot]");
  await expect(slots).toHaveCount(3);
  expect(await slots.evaluateAll((els) => els.map((e) => e.getAttribute("data-ad-slot")))).toEqual([key, "YYYYYYYYYY", "ZZZZZZZZZZ"]);
  // The inline slot follows the second paragraph of the body, and the body loses nothing.
  const paragraphs = PUBLISHED.find((a) => a.tags.includes("Space"))!.paragraphs;
  const before = await reader.locator(`[data-ad-slot="${key}"]`).evaluate((el) => {
    const body = el.closest(".article-body")!;
    const all = [...body.querySelectorAll("p")].filter((p) => !p.closest("[data-ad-slot]"));
    const preceding = all.filter((p) => p.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    return { count: all.length, preceding: preceding.map((p) => p.textContent ?? "") };
  });
  expect(before.count).toBe(paragraphs.length);
  expect(before.preceding).toEqual(paragraphs.slice(0, 2));

  expect(await reader.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(6000);
  await expect
    .poll(() => reader.locator("[data-ad-slot] a img").evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)))
    .toBe(true);
  await reader.waitForTimeout(500);
  const { cls, shifts } = await reader.evaluate(() => {
    const w = window as unknown as { __cls: number; __shifts: string[] };
    return { cls: w.__cls, shifts: w.__shifts };
  });
  expect(shifts).toEqual([]);
  expect(cls).toBe(0);
  await reader.close();
});

test("ads.txt: lines that break the IAB format are named with their numbers and nothing is saved", async ({ page, request }) => {
  await signIn(page);
  await page.goto("/admin/settings");
  const form = page.getByRole("region", { name: "ads.txt" });
  const field = form.getByLabel("ads.txt");
  const before = await (await request.get("/ads.txt")).text();
  const typed = ["# sellers", "google.com, pub-0000000000000000, DIRECT, f08c47fec0942fa0", "appnexus.com 1234 RESELLER", "contact=ads@example.org", "rubicon.com, 19116, PARTNER", "colour=blue"].join("\n");
  await field.fill(typed);
  await form.getByRole("button", { name: "Save ads.txt" }).click();
  await expect(form.getByText("ads.txt has problems. Nothing was saved.")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/Line 3 \(appnexus\.com 1234 RESELLER\): A record needs three fields/);
  await expect(field).toHaveAccessibleDescription(/Line 5 \(rubicon\.com, 19116, PARTNER\): The relationship must be DIRECT or RESELLER/);
  await expect(field).toHaveAccessibleDescription(/Line 6 \(colour=blue\): Unknown variable "colour"/);
  await expect(field).not.toHaveAccessibleDescription(/Line [124] /);
  await expect(field).toHaveValue(typed);
  expect(await (await request.get("/ads.txt")).text()).toBe(before);
});
