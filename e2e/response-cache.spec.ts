import { expect, test } from "@playwright/test";
import { expireAgainToken, EXPIRE_AGAIN_HEADER, EXPIRE_AGAIN_PATH } from "../lib/expire-again";
import { createArticle, field, saveWith, signIn, unique } from "./editorial-helpers";
import { openTestDatabase } from "./support/db";
import { E2E_AUTH_SECRET } from "./support/own-server";

// The production server (server/main.mjs) answers cached public pages from memory; `Age` is the
// header only those answers carry. Runs in the "exclusive" project: another worker's editorial
// change would empty the cache between two requests here.

test("a public page is answered from memory until an editor changes it; the next reader gets the change", async ({
  page,
  request,
}) => {
  const word = unique();
  await signIn(page);
  const { slug } = await createArticle(page, { title: `Harbour works ${word}` }, "Publish now");
  const url = `/articles/${slug}`;

  const first = await request.get(url);
  expect(first.status()).toBe(200);
  expect(first.headers()["age"]).toBeUndefined();
  const second = await request.get(url);
  expect(second.headers()["age"]).toMatch(/^\d+$/);
  expect(second.headers()["cache-control"]).toBe(first.headers()["cache-control"]);
  expect(await second.text()).toBe(await first.text());

  await field(page, "Title").fill(`Harbour works finished ${word}`);
  await saveWith(page, "Update");
  const changed = await request.get(url);
  expect(changed.headers()["age"]).toBeUndefined();
  expect(await changed.text()).toContain(`Harbour works finished ${word}`);
  // And the front page, kept before the change, lists the new title too.
  expect(await (await request.get("/")).text()).toContain(`Harbour works finished ${word}`);

  // A moment later the change's pages are expired once more (for renders that were under way
  // when it was made): the copy kept since is dropped, before its own 10 s are up.
  await expect.poll(async () => (await request.get(url)).headers()["age"], { timeout: 6_000 }).toBeUndefined();
});

test("a front page whose render began before an article was hidden is not kept after it", async ({ page, request }) => {
  // Next's cache used to date a copy from when it was stored: a render that read the database
  // before a change and finished after the change's expiry was kept as fresh. Here the change is
  // made in the database and its tag expired through the server's own expiry route (the same
  // revalidateTag an editor's action runs), while renders of the front page are under way; the
  // query strings make each request miss the in-memory layer and reach Next's cache. Without
  // server/isr-cache-handler.cjs, about half of these rounds saw the hidden article.
  const word = unique();
  await signIn(page);
  const { slug } = await createArticle(page, { title: `Night ferry ${word}` }, "Publish now");
  const db = openTestDatabase(false);
  const { id, published_at: publishedAt } = db.prepare("select id, published_at from articles where slug = ?").get(slug) as {
    id: number;
    published_at: number;
  };
  const setPublishedAt = db.prepare("update articles set published_at = ? where id = ?");
  const expireFront = async () => {
    const res = await request.post(EXPIRE_AGAIN_PATH, {
      headers: { [EXPIRE_AGAIN_HEADER]: expireAgainToken(E2E_AUTH_SECRET) },
      data: { tags: ["front"] },
    });
    expect(res.status()).toBe(204);
  };
  const front = async (query: string) => (await request.get(`/?${query}=${Math.random()}`)).text();
  const stale: number[] = [];
  try {
    for (let round = 0; round < 30; round++) {
      setPublishedAt.run(publishedAt, id);
      await expireFront();
      const rendering = [front("a"), front("b"), front("c")];
      await new Promise((r) => setTimeout(r, Math.random() * 12));
      // Hidden: due ten years from now.
      setPublishedAt.run(publishedAt + 10 * 365 * 86_400_000, id);
      await expireFront();
      expect((await Promise.all(rendering)).every((html) => html.includes("</html>"))).toBe(true);
      if ((await front("after")).includes(slug)) stale.push(round);
    }
  } finally {
    setPublishedAt.run(publishedAt, id);
    db.close();
    await expireFront();
  }
  expect(stale, "rounds whose front page still listed the hidden article").toEqual([]);
});

test("copies are compressed as each reader accepts", async ({ request }) => {
  await request.get("/");
  for (const [accept, encoding] of [
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
    ["identity", undefined],
  ] as const) {
    const res = await request.get("/", { headers: { "accept-encoding": accept } });
    expect(res.headers()["age"], accept).toBeDefined();
    expect(res.headers()["content-encoding"], accept).toBe(encoding);
    expect(res.headers()["vary"], accept).toMatch(/accept-encoding/i);
    expect(await res.text(), accept).toContain("</html>");
  }
});

test("search, sign-in, the admin and client-router requests are never answered from memory", async ({ page, request }) => {
  for (const path of ["/search?q=harbour", "/login"]) {
    await request.get(path);
    const again = await request.get(path);
    expect(again.status(), path).toBe(200);
    expect(again.headers()["age"], path).toBeUndefined();
  }
  await request.get("/");
  const rsc = await request.get("/", { headers: { rsc: "1" } });
  expect(rsc.headers()["content-type"]).toContain("text/x-component");
  expect(rsc.headers()["age"]).toBeUndefined();

  await signIn(page);
  for (let i = 0; i < 2; i++) {
    const admin = await page.request.get("/admin/articles");
    expect(admin.status()).toBe(200);
    expect(admin.headers()["age"]).toBeUndefined();
  }
});
