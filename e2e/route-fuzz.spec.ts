import { expect, test } from "@playwright/test";
import { pages, routeHandlers, serverActions } from "./support/app-routes";
import { ACCOUNTS } from "./support/browser-guards";
import { snapshotDatabase } from "./support/db";
import { pool, rawRequest, type RawResponse } from "./support/raw-http";

/**
 * Every page and route handler in app/, with malformed path segments, hostile query strings,
 * wrong methods and bad bodies, signed out and as an editor. Whatever comes in, the answer is
 * never a 5xx, and an error is a page or a JSON/text message, not an empty or broken response.
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const BAD_SEGMENTS = [
  "%",
  "%00",
  "%zz",
  "..%2f..%2f..%2fetc%2fpasswd",
  "..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
  "%2e%2e%2f%2e%2e%2fnews.db",
  "..%5c..%5cnews.db",
  "..%2f..%2f.auth-secret",
  "%2e%2e",
  "..",
  "a".repeat(5000),
  "%E6%97%A5%E6%9C%AC%E8%AA%9E-%C3%BC",
  "%F0%9F%94%A5",
  "%ff%fe",
  "%c0%af",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "'%20or%20'1'%3D'1",
  "-1",
  "0",
  "99999999999999999999999",
  "1e9",
  "NaN",
  "UPPER-Case",
  "%20",
  "a%2Fb",
  "foo.json",
];

const BAD_QUERIES = [
  "page=-1",
  "page=0",
  "page=abc",
  "page=1e999",
  "page=99999999999999999999",
  `q=${"x".repeat(10 * 1024)}`,
  "q=a&q=b",
  "q[]=x",
  "q=%",
  "q=%00",
  "q=%22%27%3C%3E*%5E()%3A-NEAR",
  "q=AND%20OR%20NOT",
  "callbackUrl=%2F%2Fevil.example",
  "callbackUrl=javascript:alert(1)",
  "v=%ff",
  "_rsc=%",
];

/** Plausible values for each dynamic segment, so query and method fuzzing reach real pages. */
const GOOD: Record<string, string> = {
  slug: "russia",
  n: "2",
  id: "1",
  key: "YYYYYYYYYY",
  token: "x",
  file: "x.png",
  path: "x.png",
};

function fill(pattern: string, value?: string): string {
  return pattern.replace(/\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g, (_m, name: string) => value ?? GOOD[name] ?? "1");
}

type Probe = { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer; signedIn?: boolean };

function probes(): Probe[] {
  const list: Probe[] = [];
  const pagePatterns = pages().map((p) => p.pattern);
  const handlers = routeHandlers().filter((r) => !r.pattern.startsWith("/api/auth"));
  const all = [...new Set([...pagePatterns, ...handlers.map((h) => h.pattern)])];
  for (const pattern of all) {
    const dynamic = /\[/.test(pattern);
    for (const seg of BAD_SEGMENTS) {
      list.push({ method: "GET", path: dynamic ? fill(pattern, seg) : `${pattern.replace(/\/$/, "")}/${seg}` });
    }
    for (const q of BAD_QUERIES) list.push({ method: "GET", path: `${fill(pattern)}?${q}` });
    for (const method of ["PUT", "DELETE", "PATCH"]) list.push({ method, path: fill(pattern), body: "{}", headers: { "content-type": "application/json" } });
    list.push({ method: "POST", path: fill(pattern), body: "{", headers: { "content-type": "application/json" } });
    list.push({ method: "POST", path: fill(pattern), body: Buffer.from([0xff, 0xfe, 0x00, 0x01]), headers: { "content-type": "text/plain" } });
    list.push({ method: "POST", path: fill(pattern), body: "--x\r\nbroken", headers: { "content-type": "multipart/form-data; boundary=y" } });
    list.push({ method: "POST", path: fill(pattern), body: "a=1&a=2&%=%", headers: { "content-type": "application/x-www-form-urlencoded" } });
    list.push({ method: "POST", path: fill(pattern), body: "x".repeat(1024 * 1024), headers: { "content-type": "text/plain" } });
    list.push({ method: "POST", path: fill(pattern), body: "[]", headers: { "content-type": "text/plain;charset=UTF-8", "next-action": "deadbeef" } });
    list.push({ method: "POST", path: fill(pattern), body: "[]", headers: { "content-type": "text/plain;charset=UTF-8", "next-action": "00".repeat(21) } });
  }
  // Real server actions with arguments of the wrong shape.
  for (const action of serverActions()) {
    for (const body of ["[]", '["x"]', "[null, null, null]", "not json", '[{"$":"$K1"}]', "[1e999]"]) {
      list.push({ method: "POST", path: action.url, body, headers: { "content-type": "text/plain;charset=UTF-8", "next-action": action.id } });
    }
  }
  // Signed in as an editor: the admin area with the same treatment.
  const adminPatterns = pagePatterns.filter((p) => p.startsWith("/admin"));
  for (const p of list.filter((p) => p.path.startsWith("/admin") || p.headers?.["next-action"]).map((p) => ({ ...p, signedIn: true }))) list.push(p);
  for (const pattern of adminPatterns) list.push({ method: "GET", path: `${fill(pattern)}?id=%00&page=-1&status=%3Cx%3E&tag=${"y".repeat(3000)}`, signedIn: true });
  return list;
}

function problem(p: Probe, res: RawResponse): string | null {
  const type = String(res.headers["content-type"] ?? "");
  const where = `${p.signedIn ? "[editor] " : ""}${p.method} ${p.path.slice(0, 120)}${p.headers?.["next-action"] ? ` (action ${p.headers["next-action"].slice(0, 8)})` : ""}`;
  // A path-traversal probe must never read a file outside what the route serves.
  if (/root:x?:0:0:|SQLite format 3|e2e-secret-not-for-production/.test(res.body)) return `${where} → ${res.status} leaked a file: ${res.body.slice(0, 80)}`;
  if (res.status >= 500) return `${where} → ${res.status}: ${res.body.slice(0, 200).replace(/\s+/g, " ")}`;
  // Image routes (the impression pixel) may answer their errors with an image.
  if (res.status >= 400 && res.status !== 405 && !/text\/html|application\/json|text\/plain|text\/x-component|image\//.test(type)) {
    return `${where} → ${res.status} with content-type "${type}"`;
  }
  return null;
}

test("malformed URLs, wrong methods and bad bodies never get a 5xx", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(ACCOUNTS.editor.email);
  await page.getByLabel("Password").fill(ACCOUNTS.editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/admin");
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await context.close();

  // Ad impressions and clicks are counted by GET requests, as they should be.
  const before = snapshotDatabase(["rate_limits", "audit_log", "ad_stats", "__drizzle_migrations"]);
  const list = probes();
  const statuses = new Map<number, number>();
  const problems: string[] = [];
  await pool(
    list.map((p) => async () => {
      let res: RawResponse;
      try {
        res = await rawRequest(baseURL!, { ...p, headers: { ...p.headers, ...(p.signedIn ? { cookie } : {}) } });
      } catch (error) {
        problems.push(`${p.method} ${p.path.slice(0, 120)} → ${(error as Error).message}`);
        return;
      }
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const issue = problem(p, res);
      if (issue) problems.push(issue);
    }),
    4,
  );
  const summary = `${list.length} requests fuzzed; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`;
  console.log(summary);
  test.info().annotations.push({ type: "fuzz", description: summary });
  expect(problems).toEqual([]);
  // Garbage does not write (the editor's bad action calls included).
  expect(snapshotDatabase(["rate_limits", "audit_log", "ad_stats", "__drizzle_migrations"])).toEqual(before);
  // And the site still serves.
  expect((await rawRequest(baseURL!, { path: "/api/health" })).status).toBe(200);
});
