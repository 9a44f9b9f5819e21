import { expect, test } from "@playwright/test";

test("health endpoint reports a current database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", migrations: "current" });
});
