import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

type JournalEntry = { idx: number; tag: string; when: number };

/** Migrations this code ships with, oldest first (drizzle-kit's journal). */
export function shippedMigrations(root = process.cwd()): JournalEntry[] {
  const file = path.join(root, "drizzle", "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(file, "utf8")) as { entries: JournalEntry[] };
  return journal.entries;
}

export type MigrationLevel = {
  /** Number of migrations recorded as applied in the database. */
  applied: number;
  /** Tag of the newest applied migration this code knows, or null. */
  latest: string | null;
  /** Shipped migrations the database has not applied yet. */
  pending: string[];
  /** Applied migrations this code does not know: the database comes from a newer release. */
  unknown: number;
};

/** Where a database stands against the shipped migrations; works on any open connection. */
export function migrationLevel(sqlite: Database.Database, root = process.cwd()): MigrationLevel {
  const shipped = shippedMigrations(root);
  const hasTable = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  const appliedAt = hasTable
    ? (sqlite.prepare("select created_at from __drizzle_migrations").all() as { created_at: number }[]).map((r) =>
        Number(r.created_at),
      )
    : [];
  const applied = new Set(appliedAt);
  const known = shipped.filter((e) => applied.has(e.when));
  return {
    applied: appliedAt.length,
    latest: known.length > 0 ? known[known.length - 1].tag : null,
    pending: shipped.filter((e) => !applied.has(e.when)).map((e) => e.tag),
    unknown: appliedAt.length - known.length,
  };
}
