import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { z } from "zod";
import { copyTree, fsyncPath, listFiles, removeIfExists, sha256File } from "./files";
import { migrationLevel, shippedMigrations } from "./migrations";

/** Name of the database copy inside a backup folder, whatever the live file is called. */
export const BACKUP_DATABASE_FILE = "news.db";
export const BACKUP_UPLOADS_DIR = "uploads";
export const MANIFEST_FILE = "manifest.json";

const fileEntrySchema = z.object({
  path: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const backupManifestSchema = z.object({
  format: z.literal("dateline-backup"),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  source: z.object({ databasePath: z.string(), uploadsDir: z.string() }),
  database: fileEntrySchema.extend({
    integrity: z.literal("ok"),
    migrations: z.object({ applied: z.number().int().nonnegative(), latest: z.string().nullable() }),
  }),
  uploads: z.object({
    dir: z.literal(BACKUP_UPLOADS_DIR),
    bytes: z.number().int().nonnegative(),
    files: z.array(fileEntrySchema),
  }),
  durationMs: z.number().nonnegative(),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export class OpsError extends Error {
  override name = "OpsError";
}

/** `2025-07-11T09-30-00-123Z`: an ISO timestamp that is a safe folder name everywhere. */
export function backupFolderName(at: Date): string {
  return at.toISOString().replace(/[:.]/g, "-");
}

function integrity(db: Database.Database): string {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join("; ");
}

/**
 * Copies the live database with SQLite's online backup API and the uploads folder into `outDir`,
 * with a manifest of sizes and checksums. Safe while the site runs: the copy is taken in one
 * step under a read transaction, which in WAL mode never blocks writers and cannot be torn by
 * them. The folder appears under its final name only once complete.
 */
export async function createBackup(options: {
  databasePath: string;
  uploadsDir: string;
  outDir: string;
  now?: Date;
}): Promise<{ dir: string; manifest: BackupManifest }> {
  const started = performance.now();
  const { databasePath, uploadsDir } = options;
  const outDir = path.resolve(options.outDir);
  if (!fs.existsSync(databasePath)) throw new OpsError(`No database at ${databasePath}`);
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) {
    throw new OpsError(`${outDir} already exists and is not empty`);
  }
  const partial = `${outDir}.partial-${process.pid}`;
  removeIfExists(partial);
  fs.mkdirSync(partial, { recursive: true });

  try {
    const copy = path.join(partial, BACKUP_DATABASE_FILE);
    const source = new Database(databasePath, { fileMustExist: true });
    try {
      source.pragma("busy_timeout = 5000");
      // Copying every page in one step keeps one consistent snapshot; smaller steps would restart
      // whenever the running site writes in between, and might never finish on a busy site.
      await source.backup(copy, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }

    const target = new Database(copy);
    let check: string;
    let level: ReturnType<typeof migrationLevel>;
    try {
      // A single self-contained file: no -wal beside it to lose when the folder is copied.
      target.pragma("journal_mode = DELETE");
      check = integrity(target);
      level = migrationLevel(target);
    } finally {
      target.close();
    }
    if (check !== "ok") throw new OpsError(`The backup copy failed its integrity check: ${check}`);
    fsyncPath(copy);

    // Uploads after the database: a row that names a file was written after its file, so every
    // file the copied rows refer to is already on disk.
    const files = await copyTree(uploadsDir, path.join(partial, BACKUP_UPLOADS_DIR));

    const manifest: BackupManifest = {
      format: "dateline-backup",
      version: 1,
      createdAt: (options.now ?? new Date()).toISOString(),
      source: { databasePath, uploadsDir },
      database: {
        path: BACKUP_DATABASE_FILE,
        bytes: fs.statSync(copy).size,
        sha256: await sha256File(copy),
        integrity: "ok",
        migrations: { applied: level.applied, latest: level.latest },
      },
      uploads: { dir: BACKUP_UPLOADS_DIR, bytes: files.reduce((n, f) => n + f.bytes, 0), files },
      durationMs: Math.round(performance.now() - started),
    };
    fs.writeFileSync(path.join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    fsyncPath(path.join(partial, MANIFEST_FILE));
    removeIfExists(outDir);
    fs.renameSync(partial, outDir);
    fsyncPath(path.dirname(outDir));
    return { dir: outDir, manifest };
  } catch (error) {
    removeIfExists(partial);
    throw error;
  }
}

/**
 * Reads a backup's manifest and checks everything in it: the database copy's size, checksum and
 * integrity, and every upload's size and checksum. Throws an OpsError listing what is wrong.
 */
export async function verifyBackup(dir: string): Promise<BackupManifest> {
  const manifestFile = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(manifestFile)) throw new OpsError(`${dir} is not a backup: ${MANIFEST_FILE} is missing`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  } catch {
    throw new OpsError(`${manifestFile} is not valid JSON`);
  }
  const parsed = backupManifestSchema.safeParse(raw);
  if (!parsed.success) throw new OpsError(`${manifestFile} is not a valid manifest: ${z.prettifyError(parsed.error)}`);
  const manifest = parsed.data;

  const problems: string[] = [];
  const checkFile = async (file: string, expected: { bytes: number; sha256: string }, label: string) => {
    if (!fs.existsSync(file)) return problems.push(`${label}: missing`);
    const bytes = fs.statSync(file).size;
    if (bytes !== expected.bytes) return problems.push(`${label}: ${bytes} bytes, manifest says ${expected.bytes}`);
    if ((await sha256File(file)) !== expected.sha256) problems.push(`${label}: checksum does not match`);
  };

  const dbFile = path.join(dir, manifest.database.path);
  await checkFile(dbFile, manifest.database, manifest.database.path);
  if (problems.length === 0) {
    const copy = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      const check = integrity(copy);
      if (check !== "ok") problems.push(`${manifest.database.path}: integrity check failed: ${check}`);
    } finally {
      copy.close();
    }
  }

  const uploadsDir = path.join(dir, manifest.uploads.dir);
  const listed = new Set(manifest.uploads.files.map((f) => f.path));
  for (const f of manifest.uploads.files) {
    if (f.path.split("/").includes("..") || path.isAbsolute(f.path)) {
      problems.push(`uploads/${f.path}: path leaves the uploads folder`);
      continue;
    }
    await checkFile(path.join(uploadsDir, f.path), f, `uploads/${f.path}`);
  }
  for (const extra of listFiles(uploadsDir).filter((p) => !listed.has(p))) {
    problems.push(`uploads/${extra}: not in the manifest`);
  }

  if (problems.length > 0) throw new OpsError(`Backup ${dir} failed verification:\n  ${problems.join("\n  ")}`);
  return manifest;
}

/** True when another connection (a running server, a script) has the database open. */
export function databaseInUse(databasePath: string): boolean {
  if (!fs.existsSync(databasePath)) return false;
  const probe = new Database(databasePath, { fileMustExist: true });
  try {
    probe.pragma("busy_timeout = 200");
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.exec("BEGIN EXCLUSIVE");
    probe.exec("COMMIT");
    return false;
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY")) return true;
    // A damaged file is what a restore is for: nothing can be using it as a database.
    if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) return false;
    throw error;
  } finally {
    probe.close();
  }
}

export type RestoreResult = { manifest: BackupManifest; replacedDatabase: boolean; uploads: number };

/**
 * Restores a verified backup over DATABASE_PATH and UPLOADS_DIR. Refuses to replace existing data
 * without `force`, and refuses while anything has the database open (stop the server first).
 * The database arrives by rename of a checked temp copy, so a crash leaves either the old or the
 * new file, never half of one.
 */
export async function restoreBackup(options: {
  from: string;
  databasePath: string;
  uploadsDir: string;
  force?: boolean;
}): Promise<RestoreResult> {
  const { databasePath, uploadsDir, force = false } = options;
  const from = path.resolve(options.from);
  const manifest = await verifyBackup(from);

  const shipped = shippedMigrations().length;
  if (manifest.database.migrations.applied > shipped && !force) {
    throw new OpsError(
      `The backup has ${manifest.database.migrations.applied} migrations applied but this release ships ${shipped}: ` +
        "it comes from a newer release. Upgrade first, or pass --force.",
    );
  }

  const existingDb = fs.existsSync(databasePath) || fs.existsSync(`${databasePath}-wal`);
  const existingUploads = listFiles(uploadsDir).length > 0;
  if ((existingDb || existingUploads) && !force) {
    throw new OpsError(
      `${existingDb ? `A database already exists at ${databasePath}` : `${uploadsDir} is not empty`}; ` +
        "pass --force to replace it with the backup.",
    );
  }
  if (databaseInUse(databasePath)) {
    throw new OpsError(`${databasePath} is in use by another process: stop the server, then restore.`);
  }

  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  const temp = `${databasePath}.restore-${process.pid}.tmp`;
  try {
    fs.copyFileSync(path.join(from, manifest.database.path), temp);
    if ((await sha256File(temp)) !== manifest.database.sha256) {
      throw new OpsError("The copied database does not match the backup's checksum (disk full or failing?)");
    }
    fsyncPath(temp);
    // A -wal left from the old file would be replayed onto the restored one and corrupt it.
    for (const suffix of ["-wal", "-shm", "-journal"]) removeIfExists(`${databasePath}${suffix}`);
    fs.renameSync(temp, databasePath);
    fsyncPath(path.dirname(databasePath));
  } finally {
    removeIfExists(temp);
  }

  const incoming = `${uploadsDir}.restore-${process.pid}`;
  const outgoing = `${uploadsDir}.old-${process.pid}`;
  removeIfExists(incoming);
  await copyTree(path.join(from, manifest.uploads.dir), incoming);
  if (fs.existsSync(uploadsDir)) fs.renameSync(uploadsDir, outgoing);
  fs.renameSync(incoming, uploadsDir);
  removeIfExists(outgoing);

  return { manifest, replacedDatabase: existingDb, uploads: manifest.uploads.files.length };
}
