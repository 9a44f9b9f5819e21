/**
 * `npm run restore -- PATH [--force]`: verifies a backup folder (checksums, integrity) and puts
 * it in place of DATABASE_PATH and UPLOADS_DIR. Stop the server first; start it again afterwards
 * (pending migrations are applied on start).
 */
import "./load-env";
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { OpsError, restoreBackup } from "@/lib/ops/backup";

async function main() {
  const { values, positionals } = parseArgs({
    options: { force: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) {
    console.error("usage: npm run restore -- PATH [--force]");
    process.exit(2);
  }
  const result = await restoreBackup({
    from: positionals[0],
    databasePath: env.DATABASE_PATH,
    uploadsDir: env.UPLOADS_DIR,
    force: values.force,
  });
  console.log(
    `restored ${positionals[0]} (taken ${result.manifest.createdAt}) to ${env.DATABASE_PATH}` +
      `${result.replacedDatabase ? " (replaced the previous database)" : ""}; ${result.uploads} uploads in ${env.UPLOADS_DIR}`,
  );
}

main().catch((error) => {
  console.error(error instanceof OpsError ? `restore failed: ${error.message}` : error);
  process.exit(1);
});
