import { expect, test } from "@playwright/test";
import { fillPattern, pages } from "./support/app-routes";
import { collectViolations, guardPage, signIn, waitForHydration } from "./support/browser-guards";

const REFERENCE_PATH = "/articles/russia-becomes-first-nation-to-officially-recognize-taliban-government";

/** Reader pages of every kind, including a 404 and a search. */
const PUBLIC_PAGES = [
  "/",
  "/page/2",
  REFERENCE_PATH,
  "/tags",
  "/tags/russia",
  "/authors/foreign-desk",
  "/search?q=taliban",
  "/articles/no-such-article",
];
const PRIVATE_PAGES = ["/login", "/admin"];

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

test.describe("security headers", () => {
  test("every kind of response carries the common headers", async ({ request }) => {
    for (const path of [...PUBLIC_PAGES, ...PRIVATE_PAGES, "/api/health", "/icon.svg", "/ads/house-leaderboard.svg", "/robots.txt"]) {
      const res = await request.get(path, { maxRedirects: 0 });
      const h = res.headers();
      expect(h["x-content-type-options"], path).toBe("nosniff");
      expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(h["permissions-policy"], path).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
      expect(h["content-security-policy"], path).toBeTruthy();
      // HSTS only when the request came over HTTPS (the reverse proxy says so).
      expect(h["strict-transport-security"], path).toBeUndefined();
    }
    const https = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers()["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  });

  test("reader pages: a strict policy without nonces, and they stay cached", async ({ request }) => {
    for (const path of PUBLIC_PAGES) {
      const res = await request.get(path);
      const csp = directives(res.headers()["content-security-policy"]);
      expect(csp.get("object-src"), path).toEqual(["'none'"]);
      expect(csp.get("base-uri"), path).toEqual(["'self'"]);
      expect(csp.get("form-action"), path).toEqual(["'self'"]);
      expect(csp.get("frame-src"), path).toEqual(["'self'"]);
      expect(csp.get("connect-src"), path).toEqual(["'self'"]);
      expect(csp.get("script-src-attr"), path).toEqual(["'none'"]);
      expect(csp.get("frame-ancestors"), path).toEqual(["'self'"]);
      // Scripts only from this origin (plus Next's inline page data, see lib/security/headers.ts).
      expect(csp.get("script-src"), path).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp.get("style-src"), path).toEqual(["'self'"]);
      expect(res.headers()["x-frame-options"], path).toBe("SAMEORIGIN");
    }
    // Headers did not turn cached pages into per-request renders.
    await request.get(REFERENCE_PATH);
    const cached = await request.get(REFERENCE_PATH);
    expect(cached.headers()["x-nextjs-cache"]).toBe("HIT");
  });

  test("admin and sign-in: a fresh nonce per request on every script, and no framing", async ({ request }) => {
    const nonces = new Set<string>();
    for (const path of ["/login", "/login"]) {
      const res = await request.get(path);
      const h = res.headers();
      expect(h["x-frame-options"]).toBe("DENY");
      const csp = directives(h["content-security-policy"]);
      expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      const nonceSource = csp.get("script-src")!.find((s) => s.startsWith("'nonce-"))!;
      expect(csp.get("script-src")).toContain("'strict-dynamic'");
      expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
      const nonce = nonceSource.slice("'nonce-".length, -1);
      nonces.add(nonce);
      const html = await res.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(2);
    // The sign-in redirect for signed-out visitors of /admin is not framable either.
    const admin = await request.get("/admin", { maxRedirects: 0 });
    expect(admin.status()).toBe(307);
    expect(admin.headers()["x-frame-options"]).toBe("DENY");
  });
});

test.describe("the site passes its own policy in Chromium", () => {
  test("reader pages: no violation, no console error, scripts run", async ({ page }) => {
    const guard = await guardPage(page, { allowConsole: [/404 \(Not Found\)/] });
    for (const path of PUBLIC_PAGES) {
      await page.goto(path);
      await waitForHydration(page);
      await page.waitForLoadState("networkidle");
      await collectViolations(page, guard);
      guard.assertClean(path);
    }
    // A client-side navigation loads more of Next's scripts: still allowed.
    await page.goto(REFERENCE_PATH);
    await waitForHydration(page);
    await page.getByRole("link", { name: "Foreign Desk" }).first().click();
    await expect(page).toHaveURL(/\/authors\/foreign-desk$/);
    await page.waitForLoadState("networkidle");
    await collectViolations(page, guard);
    guard.assertClean("client-side navigation");
  });

  test("sign-in and admin pages: no violation, no console error, scripts run", async ({ page }) => {
    const guard = await guardPage(page, { allowConsole: [/404 \(Not Found\)/] });
    await page.goto("/login");
    await waitForHydration(page);
    await collectViolations(page, guard);
    guard.assertClean("/login");
    await signIn(page, "admin");
    await waitForHydration(page);
    // Every admin page in the app, as an admin (ids filled with 1, which exist in the demo).
    const adminPaths = pages()
      .filter((p) => p.pattern.startsWith("/admin"))
      .map((p) => fillPattern(p.pattern));
    expect(adminPaths.length).toBeGreaterThan(0);
    for (const path of adminPaths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(500);
      if (response?.status() !== 200) continue;
      await waitForHydration(page);
      // The admin's navigation prefetches every section; give them a moment, not an idle network.
      await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
      await collectViolations(page, guard);
      guard.assertClean(path);
    }
  });

  test("the admin cannot be framed, even by this site", async ({ page }) => {
    const guard = await guardPage(page);
    await page.goto("/");
    await page.evaluate(() => {
      const frame = document.createElement("iframe");
      frame.src = "/login";
      frame.id = "probe";
      document.body.append(frame);
    });
    await page.waitForTimeout(1000);
    const framed = page.frames().find((f) => f.url().includes("/login"));
    const hasForm = framed ? await framed.locator("form").count().catch(() => 0) : 0;
    expect(hasForm).toBe(0);
    // The browser reports the refusal itself; that is the expected outcome here.
    expect(guard.pageErrors).toEqual([]);
  });
});
