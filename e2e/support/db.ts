import crypto from "node:crypto";
import Database from "better-sqlite3";

/** The end-to-end server's throwaway database (see playwright.config.ts). */
export function testDatabasePath(): string {
  const file = process.env.E2E_DATABASE_PATH;
  if (!file) throw new Error("E2E_DATABASE_PATH is not set");
  return file;
}

export function openTestDatabase(readonly = true): Database.Database {
  const db = new Database(testDatabasePath(), { readonly, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

/**
 * Row count and a hash of every row, per table: two equal snapshots mean nothing was written.
 * Tables that legitimately change on their own while these tests sign in (the sign-in rate
 * limiter and the audit of sign-ins) are left out by default.
 */
export function snapshotDatabase(exclude: string[] = ["rate_limits", "audit_log", "__drizzle_migrations"]): Record<string, string> {
  const db = openTestDatabase();
  try {
    const tables = (
      db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'articles_fts%'").all() as {
        name: string;
      }[]
    )
      .map((t) => t.name)
      .filter((t) => !exclude.includes(t))
      .sort();
    const result: Record<string, string> = {};
    for (const table of tables) {
      const hash = crypto.createHash("sha256");
      let count = 0;
      for (const row of db.prepare(`select * from "${table}" order by rowid`).iterate()) {
        hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString("base64") : typeof v === "bigint" ? String(v) : v)));
        count++;
      }
      result[table] = `${count}:${hash.digest("hex").slice(0, 16)}`;
    }
    return result;
  } finally {
    db.close();
  }
}
