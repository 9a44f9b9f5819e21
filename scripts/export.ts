/**
 * `npm run export [-- --out FILE] [--with-revisions]`: all content as one JSON document
 * (format in lib/ops/content-schema.ts). Default file: exports/content-<ISO timestamp>.json;
 * `--out -` writes to standard output (use `npm run -s` so npm adds nothing to it).
 */
import "./load-env";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb } from "@/db";
import { backupFolderName } from "@/lib/ops/backup";
import { exportContent } from "@/lib/ops/content";

function main() {
  const { values } = parseArgs({
    options: { out: { type: "string" }, "with-revisions": { type: "boolean", default: false } },
  });
  const now = new Date();
  const doc = exportContent({ withRevisions: values["with-revisions"], now });
  closeDb();
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  if (values.out === "-") {
    process.stdout.write(json);
    return;
  }
  const file = path.resolve(values.out ?? path.join("exports", `content-${backupFolderName(now)}.json`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written beside and renamed, so a reader never sees half a file.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, json);
  fs.renameSync(temp, file);
  console.log(
    `exported ${doc.articles.length} articles, ${doc.tags.length} tags, ${doc.authors.length} authors, ` +
      `${doc.adSlots.length} ad slots, ${doc.redirects.length} redirects` +
      `${doc.revisions ? `, ${doc.revisions.length} revisions` : ""} to ${file} (${(json.length / 1024).toFixed(1)} KiB)`,
  );
}

main();
