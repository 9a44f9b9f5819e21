/**
 * Writes articles as fast as it can and prints `ack <id> <slug>` for each one only after its
 * transaction has committed. Durability tests kill this process at random and then check that
 * every acknowledged article is in the database.
 *
 * Usage: node --import tsx scripts/tests/article-writer.ts --prefix P [--count N] [--via db]
 * (run through `node --import tsx`, not the tsx CLI, so a signal reaches the writer itself).
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { databaseSink, type ArticleSink } from "@/lib/ops/article-writer";

const TAG_POOL = ["Durability", "Crash Safety", "Write Ahead Log", "Concurrency", "Recovery"];

function sinkFor(via: string): ArticleSink {
  if (via === "db") return databaseSink();
  // An HTTP sink that saves through the admin goes here once the admin write path exists.
  throw new Error(`unknown --via ${via}`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      prefix: { type: "string" },
      count: { type: "string", default: "0" },
      via: { type: "string", default: "db" },
    },
  });
  if (!values.prefix) throw new Error("--prefix is required");
  const limit = Number(values.count);
  const sink = sinkFor(values.via);
  fs.writeSync(1, "ready\n");
  for (let n = 1; limit === 0 || n <= limit; n++) {
    const slug = `${values.prefix}-${n}`;
    const tagNames = [0, 1, 2].map((k) => TAG_POOL[(n + k) % TAG_POOL.length]);
    const { id } = await sink.create({
      slug,
      title: `Durability article ${n} (${values.prefix})`,
      body: `Paragraph one of ${slug}.\n\n${"Filler text for a realistic row size. ".repeat(20)}`,
      tagNames,
    });
    // Synchronous write: once this returns the acknowledgement is in the pipe, whatever happens next.
    fs.writeSync(1, `ack ${id} ${slug}\n`);
  }
  await sink.close();
}

main().catch((error) => {
  fs.writeSync(2, `writer failed: ${(error as { code?: string }).code ?? ""} ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
