/**
 * Writes articles as fast as it can and prints `ack <id> <slug>` for each one only after its
 * transaction has committed. Durability tests kill this process at random and then check that
 * every acknowledged article is in the database.
 *
 * Usage: node --import tsx scripts/tests/article-writer.ts --prefix P [--count N] [--via db|http] [--wait-for-go] [--pause-ms N]
 * With --wait-for-go it prints `ready` once connected and starts writing only when a line `go`
 * arrives on stdin, so a test can start several writers at the same moment. --pause-ms waits between
 * articles, as a server does between editors' saves: a writer saving in a tight loop takes the lock
 * again the moment it lets go, and SQLite's busy handler (which sleeps between retries) leaves the
 * others waiting until it is done.
 * (run through `node --import tsx`, not the tsx CLI, so a signal reaches the writer itself).
 * With --via http the articles are saved through the running server's admin: BASE_URL,
 * NEXT_DIST_DIR (for the action id), WRITER_EMAIL and WRITER_PASSWORD come from the environment.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { databaseSink, type ArticleSink } from "@/lib/ops/article-writer";
import { httpSink } from "./http-article-sink";

const TAG_POOL = ["Durability", "Crash Safety", "Write Ahead Log", "Concurrency", "Recovery"];

async function sinkFor(via: string): Promise<ArticleSink> {
  if (via === "db") return databaseSink();
  if (via === "http") {
    const { BASE_URL, NEXT_DIST_DIR, WRITER_EMAIL, WRITER_PASSWORD } = process.env;
    if (!BASE_URL || !NEXT_DIST_DIR || !WRITER_EMAIL || !WRITER_PASSWORD) {
      throw new Error("--via http needs BASE_URL, NEXT_DIST_DIR, WRITER_EMAIL and WRITER_PASSWORD");
    }
    return httpSink({ baseURL: BASE_URL, distDir: NEXT_DIST_DIR, email: WRITER_EMAIL, password: WRITER_PASSWORD });
  }
  throw new Error(`unknown --via ${via}`);
}

/** Resolves when a line `go` arrives on stdin. */
function goSignal(): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk: string) => {
      buffered += chunk;
      if (buffered.split("\n").includes("go")) {
        process.stdin.destroy();
        resolve();
      }
    });
    process.stdin.on("end", () => reject(new Error("stdin closed before `go`")));
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      prefix: { type: "string" },
      count: { type: "string", default: "0" },
      via: { type: "string", default: "db" },
      "wait-for-go": { type: "boolean", default: false },
      "pause-ms": { type: "string", default: "0" },
    },
  });
  if (!values.prefix) throw new Error("--prefix is required");
  const limit = Number(values.count);
  const pauseMs = Number(values["pause-ms"]);
  const sink = await sinkFor(values.via);
  fs.writeSync(1, "ready\n");
  if (values["wait-for-go"]) await goSignal();
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
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  await sink.close();
}

main().catch((error) => {
  fs.writeSync(2, `writer failed: ${(error as { code?: string }).code ?? ""} ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
