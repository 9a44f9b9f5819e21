import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { env } from "@/lib/env";
import * as schema from "./schema";

/**
 * The one database client. This is the only module that knows the driver: query modules use
 * `db` through drizzle and are async, so the engine can change without touching pages.
 */
export type DB = BetterSQLite3Database<typeof schema>;

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

function open(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // Writers from other processes (scripts, a second server) wait instead of failing.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("cache_size = -32000");
  sqlite.pragma("temp_store = MEMORY");
  return sqlite;
}

type Handle = { sqlite: Database.Database; db: DB; file: string };
const globalForDb = globalThis as unknown as { __datelineDb?: Handle };

function handle(): Handle {
  const existing = globalForDb.__datelineDb;
  if (existing && existing.sqlite.open) return existing;
  const sqlite = open(env.DATABASE_PATH);
  const created = { sqlite, db: drizzle(sqlite, { schema }), file: env.DATABASE_PATH };
  globalForDb.__datelineDb = created;
  return created;
}

/** Drizzle client (lazy: opening happens on first use, not at import). */
export const db: DB = new Proxy({} as DB, {
  get(_target, prop) {
    const real = handle().db as unknown as Record<PropertyKey, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

/** Raw connection for things drizzle does not model: FTS5, pragmas, online backup. */
export function sqlite(): Database.Database {
  return handle().sqlite;
}

export function databaseFile(): string {
  return handle().file;
}

/** Applies pending drizzle-kit migrations; safe to call on every start. */
export function runMigrations(): void {
  migrate(handle().db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/** Names of migrations in drizzle/ that the database has not applied (empty when current). */
export function pendingMigrations(): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  const s = handle().sqlite;
  const hasTable = s
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return journal.entries.map((e) => e.tag);
  const applied = new Set(
    (s.prepare("select created_at from __drizzle_migrations").all() as { created_at: number }[]).map((r) =>
      Number(r.created_at),
    ),
  );
  return journal.entries.filter((e) => !applied.has(e.when)).map((e) => e.tag);
}

/** Runs `fn` in one write transaction (IMMEDIATE, so writers queue instead of deadlocking). */
export function transaction<T>(fn: (tx: DB) => T): T {
  const h = handle();
  return h.sqlite.transaction(() => fn(h.db)).immediate();
}

export function closeDb(): void {
  const h = globalForDb.__datelineDb;
  if (h?.sqlite.open) h.sqlite.close();
  globalForDb.__datelineDb = undefined;
}

export { schema };
