/**
 * Applies migrations and, with --demo, seeds the demo content and accounts.
 * Usage: tsx scripts/setup.ts [--demo]
 */
import "./load-env";
import { runMigrations, closeDb, transaction } from "@/db";
import { ensureSettings, seedDemo } from "@/db/seed";
import { env } from "@/lib/env";

async function main() {
  runMigrations();
  console.log(`database ${env.DATABASE_PATH}: migrations applied`);
  if (process.argv.includes("--demo")) {
    const result = await seedDemo({ siteUrl: env.SITE_URL });
    console.log(result.seeded ? `demo seeded: ${result.articles} articles` : "demo content already present");
  } else {
    transaction((tx) => ensureSettings(tx, env.SITE_URL));
  }
  closeDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
