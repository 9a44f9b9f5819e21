import http from "node:http";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";

const REFERENCE_PATH = "/articles/russia-becomes-first-nation-to-officially-recognize-taliban-government";

/**
 * SPEC §6: the article page under 10 KB of gzipped HTML. The reference article (30 tags, two ad
 * slots) measures about 9.1 KB (9,124 bytes in the last check; 9.9 KB before the article:tag
 * cap, when the RSC copy of the body sat outside gzip's 32 KB window). React orders some rows of
 * the inline RSC payload by which data resolves first, which moves repeated text in or out of
 * that window. The budget is the target itself (10 KB, 10,240 bytes).
 */
const REFERENCE_BUDGET = 10_240;

/** The bytes on the wire when the client accepts gzip, as Next's `compress` sends them. */
function gzippedBody(url: string): Promise<{ encoding: string | undefined; wire: number; html: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          resolve({ encoding, wire: body.length, html: (encoding === "gzip" ? zlib.gunzipSync(body) : body).toString("utf8") });
        });
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

test("the reference article's HTML stays within its gzip budget and still carries all its content", async ({ baseURL }) => {
  // The first request may render the page; the budget is about the cached page readers get.
  await gzippedBody(`${baseURL}${REFERENCE_PATH}`);
  const { encoding, wire, html } = await gzippedBody(`${baseURL}${REFERENCE_PATH}`);
  expect(encoding).toBe("gzip");
  console.log(`page weight: reference article ${wire} bytes gzipped (budget ${REFERENCE_BUDGET})`);
  expect(wire, `gzipped HTML of ${REFERENCE_PATH}`).toBeLessThan(REFERENCE_BUDGET);
  // Nothing was bought by dropping content: tags, metadata, structured data and ads are all there.
  expect(html.match(/<a href="\/tags\/[a-z0-9-]+" rel="tag">/g)).toHaveLength(30);
  // Open Graph names the lead ten tags (lib/seo.ts); the JSON-LD keywords name all 30.
  expect(html.match(/<meta property="article:tag"/g)).toHaveLength(10);
  expect(html).toContain('"International Recognition","Cultural Relations"]');
  expect(html).toContain('"@type":"NewsArticle"');
  expect(html).toContain('"@type":"BreadcrumbList"');
  expect(html).toContain('data-ad-slot="YYYYYYYYYY"');
  expect(html).toContain('data-ad-slot="ZZZZZZZZZZ"');
});

test("the article page hydrates without errors and its links still navigate", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(REFERENCE_PATH);
  await page.waitForLoadState("networkidle");
  await page.getByRole("region", { name: "Tags" }).getByRole("link", { name: "Taliban", exact: true }).click();
  await expect(page).toHaveURL(/\/tags\/taliban$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Taliban");
  await page.goBack();
  await page.getByRole("region", { name: "Related coverage" }).getByRole("article").first().getByRole("heading").getByRole("link").click();
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(errors).toEqual([]);
});
