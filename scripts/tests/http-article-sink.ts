import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ArticleSink } from "@/lib/ops/article-writer";

const require = createRequire(import.meta.url);
// React's own encoder, as the editor's browser uses it to send the save action's arguments.
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (args: unknown[]) => Promise<string | FormData>;
};

/** Cookies as a browser would keep them for one site: name → value, from Set-Cookie headers. */
class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/expires=Thu, 01 Jan 1970|max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** The id of a server action in a build, by its file and export name. */
export function serverActionId(distDir: string, file: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, e]) => e.filename === file && e.exportedName === name);
  if (!found) throw new Error(`no server action ${file}#${name} in ${distDir}`);
  return found[0];
}

/**
 * Saves articles through the running server, exactly as an editor's browser does: signs in
 * through Auth.js (with its CSRF token), then calls the article editor's save action with the
 * publish intent. A save counts as done only when the server answers with the redirect to the
 * saved article's edit page, which it sends after the transaction has committed.
 */
export async function httpSink(options: { baseURL: string; distDir: string; email: string; password: string; authorId?: number }): Promise<ArticleSink> {
  const jar = new CookieJar();
  const base = options.baseURL.replace(/\/$/, "");
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  jar.take(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header() },
    body: new URLSearchParams({ email: options.email, password: options.password, csrfToken }),
  });
  jar.take(signIn);
  if (!/session-token/.test(jar.header())) throw new Error(`sign-in failed: ${signIn.status} ${signIn.headers.get("location")}`);
  const actionId = serverActionId(options.distDir, "app/admin/articles/actions.ts", "saveArticleAction");

  return {
    async create(article) {
      const form = new FormData();
      form.set("title", article.title);
      form.set("slug", article.slug);
      form.set("body", article.body);
      for (const name of article.tagNames) form.append("tags", `new:${name}`);
      form.set("authorId", String(options.authorId ?? 1));
      form.set("intent", "publish");
      form.set("timeZone", "UTC");
      const body = await encodeReply([{}, form]);
      const response = await fetch(`${base}/admin/articles/new`, {
        method: "POST",
        redirect: "manual",
        headers: { "Next-Action": actionId, Accept: "text/x-component", Origin: base, Cookie: jar.header() },
        body: body as BodyInit,
      });
      const location = response.headers.get("x-action-redirect") ?? "";
      await response.arrayBuffer();
      const saved = /^\/admin\/articles\/(\d+)\/edit/.exec(location);
      if (!saved) throw new Error(`save of ${article.slug} not acknowledged: ${response.status} ${location}`);
      return { id: Number(saved[1]) };
    },
    async close() {},
  };
}
