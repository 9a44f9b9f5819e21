/**
 * `npm run backup [-- --out DIR]`: a consistent copy of the live database (safe while the site
 * runs) plus the uploads folder, with a manifest of sizes and checksums.
 * Default folder: backups/<ISO timestamp>/.
 */
import "./load-env";
import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { backupFolderName, createBackup, OpsError } from "@/lib/ops/backup";

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const now = new Date();
  const outDir = path.resolve(values.out ?? path.join("backups", backupFolderName(now)));
  const { dir, manifest } = await createBackup({
    databasePath: env.DATABASE_PATH,
    uploadsDir: env.UPLOADS_DIR,
    outDir,
    now,
  });
  const kb = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`);
  console.log(`backup written to ${dir}`);
  console.log(
    `  database ${kb(manifest.database.bytes)} (migrations: ${manifest.database.migrations.applied}, ` +
      `latest ${manifest.database.migrations.latest ?? "none"}), integrity ok`,
  );
  console.log(`  uploads ${manifest.uploads.files.length} files, ${kb(manifest.uploads.bytes)}`);
  console.log(`  took ${manifest.durationMs} ms`);
}

main().catch((error) => {
  console.error(error instanceof OpsError ? `backup failed: ${error.message}` : error);
  process.exit(1);
});
