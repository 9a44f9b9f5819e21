/**
 * `npm run import -- FILE [--dry-run]`: loads a content export into an empty database (accounts
 * and settings may exist). Every record is validated first; problems are listed with their path
 * (`articles[12].slug: …`) and nothing is written. The write is one transaction.
 */
import "./load-env";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { closeDb, runMigrations } from "@/db";
import { env } from "@/lib/env";
import { ContentImportError, importContent, validateContent } from "@/lib/ops/content";

const SHOWN = 50;

function fail(message: string, issues: string[] = []): never {
  console.error(`import failed: ${message}`);
  for (const issue of issues.slice(0, SHOWN)) console.error(`  ${issue}`);
  if (issues.length > SHOWN) console.error(`  … and ${issues.length - SHOWN} more`);
  process.exit(1);
}

function main() {
  const { values, positionals } = parseArgs({
    options: { "dry-run": { type: "boolean", default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) {
    console.error("usage: npm run import -- FILE [--dry-run]");
    process.exit(2);
  }
  const file = positionals[0];
  let input: unknown;
  try {
    input = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    fail(`cannot read ${file} as JSON: ${(error as Error).message}`);
  }

  if (values["dry-run"]) {
    const result = validateContent(input);
    if (!result.ok) fail(`${result.issues.length} problem(s) in ${file}`, result.issues);
    console.log(`${file} is valid: ${result.doc.articles.length} articles, ${result.doc.tags.length} tags`);
    return;
  }

  runMigrations();
  try {
    const counts = importContent(input);
    console.log(
      `imported into ${env.DATABASE_PATH}: ${counts.articles} articles, ${counts.tags} tags, ${counts.authors} authors, ` +
        `${counts.adSlots} ad slots, ${counts.redirects} redirects, ${counts.revisions} revisions, ${counts.media} media` +
        `${counts.settings ? ", site settings" : ""}`,
    );
  } catch (error) {
    if (error instanceof ContentImportError) fail(error.message, error.issues);
    throw error;
  } finally {
    closeDb();
  }
}

main();
