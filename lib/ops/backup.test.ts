import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db, runMigrations, sqlite } from "@/db";
import { articles, tags } from "@/db/schema";
import { env } from "@/lib/env";
import { createBackup, restoreBackup, verifyBackup } from "./backup";
import { seedSampleContent } from "./testing";

/** Every row of every table, so "the same database" can be compared exactly. */
function snapshot(file: string): Record<string, string[]> {
  const conn = new Database(file, { readonly: true });
  try {
    const names = (
      conn.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    // Sorted in JS: the FTS shadow tables are WITHOUT ROWID.
    const rows = (n: string) =>
      conn.prepare(`select * from "${n}"`).all().map((r) => JSON.stringify(r)).sort();
    return Object.fromEntries(names.map((n) => [n, rows(n)]));
  } finally {
    conn.close();
  }
}

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.join(rel, e.name);
      if (e.isDirectory()) walk(child);
      else out[child] = fs.readFileSync(path.join(dir, child), "base64");
    }
  };
  if (fs.existsSync(dir)) walk("");
  return out;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-backup-test-"));

beforeAll(() => {
  runMigrations();
  seedSampleContent();
  fs.mkdirSync(path.join(env.UPLOADS_DIR, "2025", "07"), { recursive: true });
  fs.writeFileSync(path.join(env.UPLOADS_DIR, "2025", "07", "hero.webp"), Buffer.from([1, 2, 3, 4, 5]));
  fs.writeFileSync(path.join(env.UPLOADS_DIR, "logo.png"), Buffer.alloc(20_000, 7));
});

afterAll(() => {
  closeDb();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("backs up the live database and uploads, then restores them exactly after changes", async () => {
    // The site's own connection stays open with WAL content the main file does not have yet.
    expect(fs.existsSync(`${env.DATABASE_PATH}-wal`)).toBe(true);
    const before = snapshot(env.DATABASE_PATH);
    const uploadsBefore = readTree(env.UPLOADS_DIR);

    const { dir, manifest } = await createBackup({
      databasePath: env.DATABASE_PATH,
      uploadsDir: env.UPLOADS_DIR,
      outDir: path.join(work, "b1"),
    });
    expect(manifest.database.integrity).toBe("ok");
    // Every migration this release ships, whatever their number.
    const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "drizzle", "meta", "_journal.json"), "utf8")) as {
      entries: { tag: string }[];
    };
    expect(manifest.database.migrations).toEqual({ applied: journal.entries.length, latest: journal.entries.at(-1)!.tag });
    expect(manifest.uploads.files.map((f) => f.path)).toEqual(["2025/07/hero.webp", "logo.png"]);
    expect(manifest.uploads.bytes).toBe(20_005);
    expect(fs.readdirSync(work)).toEqual(["b1"]); // no partial folder left behind
    expect(snapshot(path.join(dir, "news.db"))).toEqual(before);

    // Change everything the backup covers.
    db.update(articles).set({ title: "Changed after the backup" }).where(eq(articles.id, 1)).run();
    db.insert(tags).values({ name: "Added later", slug: "added-later" }).run();
    db.delete(articles).where(eq(articles.id, 2)).run();
    fs.rmSync(path.join(env.UPLOADS_DIR, "logo.png"));
    fs.writeFileSync(path.join(env.UPLOADS_DIR, "new.png"), "new");
    expect(snapshot(env.DATABASE_PATH)).not.toEqual(before);

    // Refused while the database is open elsewhere (here: this process's own connection).
    await expect(
      restoreBackup({ from: dir, databasePath: env.DATABASE_PATH, uploadsDir: env.UPLOADS_DIR, force: true }),
    ).rejects.toThrow(/in use/);
    // Leave the post-backup changes behind in a -wal, as a crashed server would.
    const wal = fs.readFileSync(`${env.DATABASE_PATH}-wal`);
    closeDb();
    fs.writeFileSync(`${env.DATABASE_PATH}-wal`, wal);

    await expect(
      restoreBackup({ from: dir, databasePath: env.DATABASE_PATH, uploadsDir: env.UPLOADS_DIR }),
    ).rejects.toThrow(/already exists.*--force/);
    expect(sqliteTitle(1)).toBe("Changed after the backup");

    const result = await restoreBackup({
      from: dir,
      databasePath: env.DATABASE_PATH,
      uploadsDir: env.UPLOADS_DIR,
      force: true,
    });
    expect(result.replacedDatabase).toBe(true);
    expect(fs.existsSync(`${env.DATABASE_PATH}-wal`)).toBe(false);
    expect(snapshot(env.DATABASE_PATH)).toEqual(before);
    expect(readTree(env.UPLOADS_DIR)).toEqual(uploadsBefore);
    expect(fs.readdirSync(path.dirname(env.DATABASE_PATH)).filter((f) => /restore|\.old-/.test(f))).toEqual([]);

    // The app opens the restored file as usual.
    expect(sqlite().pragma("integrity_check", { simple: true })).toBe("ok");
    expect(sqliteTitle(1)).not.toBe("Changed after the backup");
  });

  function sqliteTitle(id: number): string | undefined {
    const conn = new Database(env.DATABASE_PATH, { readonly: true });
    try {
      return (conn.prepare("select title from articles where id = ?").get(id) as { title: string } | undefined)?.title;
    } finally {
      conn.close();
    }
  }

  it("restores into a fresh location without --force", async () => {
    const { dir } = await createBackup({
      databasePath: env.DATABASE_PATH,
      uploadsDir: env.UPLOADS_DIR,
      outDir: path.join(work, "b2"),
    });
    const target = path.join(work, "fresh", "data", "news.db");
    await restoreBackup({ from: dir, databasePath: target, uploadsDir: path.join(work, "fresh", "data", "uploads") });
    expect(snapshot(target)).toEqual(snapshot(env.DATABASE_PATH));
    expect(readTree(path.join(work, "fresh", "data", "uploads"))).toEqual(readTree(env.UPLOADS_DIR));

    // A damaged database is replaced too (with --force).
    fs.writeFileSync(target, "this is not a database".repeat(300));
    await restoreBackup({ from: dir, databasePath: target, uploadsDir: path.join(work, "fresh", "data", "uploads"), force: true });
    expect(snapshot(target)).toEqual(snapshot(env.DATABASE_PATH));
  });

  it("refuses a backup whose files do not match the manifest, leaving the database untouched", async () => {
    const { dir } = await createBackup({
      databasePath: env.DATABASE_PATH,
      uploadsDir: env.UPLOADS_DIR,
      outDir: path.join(work, "b3"),
    });
    closeDb();
    const live = snapshot(env.DATABASE_PATH);

    const upload = path.join(dir, "uploads", "2025", "07", "hero.webp");
    fs.writeFileSync(upload, Buffer.from([9, 2, 3, 4, 5]));
    await expect(verifyBackup(dir)).rejects.toThrow(/uploads\/2025\/07\/hero\.webp: checksum does not match/);
    fs.writeFileSync(upload, Buffer.from([1, 2, 3, 4, 5]));
    fs.writeFileSync(path.join(dir, "uploads", "stray.txt"), "x");
    await expect(verifyBackup(dir)).rejects.toThrow(/stray\.txt: not in the manifest/);
    fs.rmSync(path.join(dir, "uploads", "stray.txt"));
    await expect(verifyBackup(dir)).resolves.toMatchObject({ format: "dateline-backup" });

    // Flip one byte inside the database copy: the checksum catches it before anything is written.
    const copy = path.join(dir, "news.db");
    const bytes = fs.readFileSync(copy);
    bytes[bytes.length - 100] ^= 0xff;
    fs.writeFileSync(copy, bytes);
    await expect(
      restoreBackup({ from: dir, databasePath: env.DATABASE_PATH, uploadsDir: env.UPLOADS_DIR, force: true }),
    ).rejects.toThrow(/news\.db: checksum does not match/);
    expect(snapshot(env.DATABASE_PATH)).toEqual(live);

    await expect(verifyBackup(path.join(work, "nowhere"))).rejects.toThrow(/manifest\.json is missing/);
  });

  it("refuses to write into a non-empty folder", async () => {
    await expect(
      createBackup({ databasePath: env.DATABASE_PATH, uploadsDir: env.UPLOADS_DIR, outDir: path.join(work, "b1") }),
    ).rejects.toThrow(/not empty/);
  });
});
