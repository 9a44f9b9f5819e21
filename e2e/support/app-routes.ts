import fs from "node:fs";
import path from "node:path";

/**
 * The app's routes, read from app/ itself, so the security suites cover every page, route
 * handler and server action that exists, including ones added after these tests were written.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");
export const DIST_DIR = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next-e2e");

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

/** `app/(site)/tags/[slug]/page/[n]/page.tsx` → `/tags/[slug]/page/[n]` (route groups dropped). */
export function routePattern(file: string): string {
  const rel = path.relative(APP, path.dirname(file)).split(path.sep);
  const segments = rel.filter((s) => s !== "" && !(s.startsWith("(") && s.endsWith(")")));
  return `/${segments.join("/")}`;
}

/** A concrete URL for a pattern: dynamic segments get `value` (catch-alls one segment). */
export function fillPattern(pattern: string, value = "1"): string {
  return pattern.replace(/\[\[?(?:\.\.\.)?[^\]]+\]\]?/g, value);
}

export type RouteHandler = { pattern: string; file: string; methods: string[]; source: string };
export type PageRoute = { pattern: string; file: string; source: string; role: "admin" | "editor" | null };

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function routeHandlers(): RouteHandler[] {
  return walk(APP)
    .filter((f) => /[/\\]route\.(ts|tsx|js)$/.test(f))
    .map((file) => {
      const source = fs.readFileSync(file, "utf8");
      const methods = METHODS.filter((m) =>
        new RegExp(`export\\s+(async\\s+)?function\\s+${m}\\b|export\\s+const\\s+\\{[^}]*\\b${m}\\b[^}]*\\}|export\\s+const\\s+${m}\\b`).test(source),
      );
      return { pattern: routePattern(file), file: path.relative(ROOT, file), methods, source };
    });
}

export function pages(): PageRoute[] {
  return walk(APP)
    .filter((f) => /[/\\]page\.(tsx|ts|jsx|js)$/.test(f))
    .map((file) => {
      const source = fs.readFileSync(file, "utf8");
      const role = /requirePageUser\(\s*"admin"/.test(source) ? "admin" : routePattern(file).startsWith("/admin") ? "editor" : null;
      return { pattern: routePattern(file), file: path.relative(ROOT, file), source, role };
    });
}

export type ServerAction = {
  id: string;
  file: string;
  name: string;
  /** Role the source declares (withRole / requireActionUser), or null for none. */
  role: "admin" | "editor" | null;
  /** A page URL whose worker holds the action (where the browser would post it). */
  url: string;
};

/** Every server action in the build, with the role its source requires. */
export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const source = fs.readFileSync(path.join(ROOT, entry.filename), "utf8");
    const name = entry.exportedName;
    const wrapped = new RegExp(`export\\s+const\\s+${name}\\s*=\\s*withRole\\(\\s*"(admin|editor)"`).exec(source);
    const fn = new RegExp(`export\\s+async\\s+function\\s+${name}\\b[^{]*\\{([\\s\\S]*?)\\n\\}`).exec(source);
    const guarded = fn ? /requireActionUser\(\s*(?:"(admin|editor)")?\s*\)/.exec(fn[1]) : null;
    const role = (wrapped?.[1] ?? (guarded ? (guarded[1] ?? "editor") : null)) as ServerAction["role"];
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page")) ?? Object.keys(entry.workers)[0];
    const url = fillPattern(routePattern(path.join(ROOT, `${worker}.tsx`)));
    return { id, file: entry.filename, name, role, url };
  });
}
