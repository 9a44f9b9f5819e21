import path from "node:path";
import { z } from "zod";

/**
 * Environment, validated once. Every value has a default that suits the demo, so a fresh clone
 * runs without configuration; production sets AUTH_SECRET, SITE_URL and DATABASE_PATH
 * (see .env.example).
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().min(1).default("data/news.db"),
  /** Folder for uploaded images; defaults to `uploads/` beside the database. */
  UPLOADS_DIR: z.string().min(1).optional(),
  /** Used until site settings hold a URL (first run) and for absolute links in scripts. */
  SITE_URL: z.url().default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(16).optional(),
  /** Used by the scheduler to reach this server's own revalidation endpoint. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** URLs per sitemap file before /sitemap.xml becomes an index (lower it to try the index). */
  SITEMAP_MAX_URLS: z.coerce.number().int().min(10).max(50_000).default(50_000),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}

export const env = {
  ...parsed.data,
  DATABASE_PATH: path.resolve(parsed.data.DATABASE_PATH),
  UPLOADS_DIR: path.resolve(
    parsed.data.UPLOADS_DIR ?? path.join(path.dirname(path.resolve(parsed.data.DATABASE_PATH)), "uploads"),
  ),
};
