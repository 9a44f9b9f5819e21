/**
 * `npm run bench`: Dateline at newsroom scale. See the README's "Benchmark" section.
 *
 *   --fresh        regenerate the bench database even if one of the right size exists
 *   --quick        short runs (3 s of load per measurement, fewer data-access repetitions)
 *   --duration=N   seconds of load per measurement (default 10)
 *   --connections=1,16,64
 *   --no-build     reuse the previous bench build (.next-bench) instead of building
 *   --no-load      stop after the data-access timings
 *   --no-nginx     skip the run through deploy/nginx.conf
 *   --port=N       first of four consecutive ports to use (default 3870)
 */
import crypto from "node:crypto";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

const root = path.resolve(import.meta.dirname, "..", "..");
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: string) =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

const quick = flag("quick");
const options = {
  fresh: flag("fresh"),
  quick,
  build: !flag("no-build"),
  load: !flag("no-load"),
  nginx: !flag("no-nginx"),
  duration: Number(option("duration", quick ? "3" : "10")),
  connections: option("connections", "1,16,64").split(",").map(Number),
  port: Number(option("port", "3870")),
};
const ports = { app: options.port + 1, nginx: options.port + 2, nginxStatic: options.port + 3 };
const benchDir = path.join(root, "bench-data");
const databasePath = path.join(benchDir, "bench.db");
const markerFile = path.join(benchDir, "newsroom.json");
const distDir = ".next-bench";
const siteUrl = `http://127.0.0.1:${ports.app}`;

// Before anything imports lib/env.ts: the bench works on its own database only.
process.env.DATABASE_PATH = databasePath;
process.env.UPLOADS_DIR = path.join(benchDir, "uploads");
process.env.SITE_URL = siteUrl;
process.env.NEXT_TELEMETRY_DISABLED = "1";

const log = (line: string) => console.log(line);
const step = (title: string) => console.log(`\n▸ ${title}`);

async function main() {
  const { markdown } = await import("./report");
  type Results = import("./report").Results;
  fs.mkdirSync(benchDir, { recursive: true });
  const commit = (() => {
    try {
      const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
      const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).trim();
      return dirty ? `${sha}+changes` : sha;
    } catch {
      return "unknown";
    }
  })();
  const results: Results = {
    startedAt: new Date().toISOString(),
    options,
    machine: {
      cores: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGb: os.totalmem() / 1024 ** 3,
      node: process.version,
      loadAverageStart: os.loadavg(),
      commit,
    },
    notes: [],
  };

  // 1. The newsroom.
  step("Data set");
  const generate = await import("./generate");
  const db = await import("@/db");
  let stats = generate.readStats(markerFile);
  let reuse = !options.fresh && stats?.version === generate.NEWSROOM.version && fs.existsSync(databasePath);
  if (reuse) {
    const counts = generate.countNewsroom();
    db.closeDb();
    reuse = generate.matchesNewsroom(counts);
    if (!reuse) log(`  existing bench database does not match (${JSON.stringify(counts)}): regenerating`);
  }
  if (!reuse) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databasePath + suffix, { force: true });
    log(`  generating ${generate.NEWSROOM.publishedArticles.toLocaleString("en-US")} published articles into ${path.relative(root, databasePath)} …`);
    const generated = await generate.generateNewsroom({ siteUrl, log });
    stats = {
      version: generate.NEWSROOM.version,
      generatedAt: new Date().toISOString(),
      seconds: generated.seconds,
      bytes: fs.statSync(databasePath).size,
      counts: generated.counts,
    };
    fs.writeFileSync(markerFile, JSON.stringify(stats, null, 2));
    log(`  generated in ${stats.seconds.toFixed(1)} s, ${(stats.bytes / 1024 / 1024).toFixed(0)} MB`);
  } else {
    log(`  reusing ${path.relative(root, databasePath)} (generated ${stats!.generatedAt}; --fresh regenerates)`);
  }
  results.dataset = {
    reused: reuse,
    generatedAt: stats!.generatedAt,
    generationSeconds: stats!.seconds,
    databaseBytes: fs.statSync(databasePath).size,
    counts: stats!.counts,
  };
  const ageHours = (Date.now() - Date.parse(stats!.generatedAt)) / 3_600_000;
  if (ageHours > 24)
    results.notes.push(
      `The bench database is ${ageHours.toFixed(0)} h old: its "last 48 hours" surge has aged, so the News sitemap ` +
        `holds fewer articles than when generated. Run with --fresh for a like-for-like comparison.`,
    );

  // 2. Data access.
  step("Data access (the app's query functions against the bench database)");
  db.runMigrations();
  const { findFixtures } = await import("./fixtures");
  const fixtures = findFixtures();
  results.fixtures = { ...fixtures, now: fixtures.now.toISOString() };
  log(`  biggest tag ${fixtures.bigTag.slug} (${fixtures.bigTag.articles} articles), author ${fixtures.author.slug} (${fixtures.author.articles})`);
  // Through a variable: the module may not exist on every branch the bench runs on.
  const articlesSpecifier = "@/db/queries/articles";
  const articlesModule = (await import(articlesSpecifier).catch(() => ({}))) as Record<string, unknown>;
  const constants = {
    pageSize: typeof articlesModule.PAGE_SIZE === "number" ? articlesModule.PAGE_SIZE : 10,
    maxPage: typeof articlesModule.MAX_PAGE === "number" ? articlesModule.MAX_PAGE : Infinity,
  };
  const { pagePlans } = await import("./pages");
  const { measureDataAccess } = await import("./data-access");
  results.dataAccess = await measureDataAccess(await pagePlans(fixtures, constants), { quick, log });
  db.sqlite().pragma("wal_checkpoint(TRUNCATE)");
  db.closeDb();

  if (options.load) await serverStages(results, fixtures);

  results.finishedAt = new Date().toISOString();
  results.machine.loadAverageEnd = os.loadavg();
  const file = path.join(benchDir, `results-${results.startedAt.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\n${markdown(results)}`);
  console.log(`Results written to ${path.relative(root, file)}`);
}

async function serverStages(results: import("./report").Results, fixtures: import("./fixtures").Fixtures) {
  const { runToEnd, startDetached, stopGroup, waitForHttp, memoryWatch, cpuMs } = await import("./processes");
  let nginxPid: number | undefined;
  const { measureLoad } = await import("./load");
  const { measurePage, splitShared, getRaw } = await import("./weight");
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const authSecretFile = path.join(benchDir, ".auth-secret");
  if (!fs.existsSync(authSecretFile)) fs.writeFileSync(authSecretFile, crypto.randomBytes(32).toString("base64url"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    DATABASE_PATH: databasePath,
    SITE_URL: siteUrl,
    PORT: String(ports.app),
    AUTH_SECRET: fs.readFileSync(authSecretFile, "utf8").trim(),
    AUTH_TRUST_HOST: "true",
  };
  const buildLog = path.join(benchDir, "build.log");
  const serverLog = path.join(benchDir, "server.log");

  // 3. Build into its own folder, on the bench database (static pages prerender from it).
  const haveBuild = fs.existsSync(path.join(root, distDir, "BUILD_ID"));
  if (options.build || !haveBuild) {
    step(`Building into ${distDir}/ (log: ${path.relative(root, buildLog)})`);
    fs.writeFileSync(buildLog, "");
    const t = performance.now();
    const code = await runToEnd(process.execPath, [nextBin, "build"], { cwd: root, env, logFile: buildLog });
    if (code !== 0) throw new Error(`next build failed (exit ${code}); see ${buildLog}`);
    results.build = { seconds: (performance.now() - t) / 1000, distDir };
    log(`  built in ${results.build.seconds.toFixed(1)} s`);
  } else {
    results.build = { seconds: 0, distDir, skipped: true };
    log(`\n▸ Reusing the previous build in ${distDir}/ (--no-build)`);
  }

  // Ways to run the app, measured one after the other on the same port and build: `next start`
  // alone (which gets the in-process response cache and beacon route from instrumentation.ts),
  // the production server (`npm start`: server/main.mjs, the same layer plus its shutdown
  // handling; what the nginx recipe proxies to), and, for what Next itself costs per request,
  // `next start` with the response cache off.
  const nextStart = [nextBin, "start", "-H", "127.0.0.1", "-p", String(ports.app)];
  const appCommands = {
    "next start": nextStart,
    "npm start": [path.join(root, "server", "main.mjs"), "--hostname", "127.0.0.1", "--port", String(ports.app)],
    "Next, cache off": nextStart,
  } as const;
  const appEnv: Partial<Record<keyof typeof appCommands, Record<string, string>>> = { "Next, cache off": { RESPONSE_CACHE_TTL: "0" } };
  type AppKind = keyof typeof appCommands;
  let app: { kind: AppKind; process: import("node:child_process").ChildProcess; memory: ReturnType<typeof memoryWatch> } | undefined;
  const stopApp = async () => {
    if (!app) return;
    const stopping = app;
    app = undefined;
    const memory = stopping.memory.stop();
    if (stopping.kind === "npm start") results.memory = memory;
    else if (stopping.kind === "next start") results.memoryNextStart = memory;
    log(`  ${stopping.kind}: server peak RSS ${memory.peakRssMb.toFixed(0)} MB (high-water sum ${memory.hwmSumMb.toFixed(0)} MB)`);
    await stopGroup(stopping.process);
  };
  const startApp = async (kind: AppKind) => {
    await stopApp();
    step(`Starting ${kind} on 127.0.0.1:${ports.app} (log: ${path.relative(root, serverLog)})`);
    fs.appendFileSync(serverLog, `\n--- ${kind} ---\n`);
    const t0 = performance.now();
    const child = startDetached(process.execPath, [...appCommands[kind]], { cwd: root, env: { ...env, ...appEnv[kind] }, logFile: serverLog });
    await waitForHttp(`${siteUrl}/`, 60_000, child);
    app = { kind, process: child, memory: memoryWatch(child.pid!) };
    return (performance.now() - t0) / 1000;
  };
  fs.writeFileSync(serverLog, "");
  const stopAll: (() => Promise<void>)[] = [stopApp];
  const onSignal = async () => {
    for (const stop of stopAll.reverse()) await stop().catch(() => {});
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const startSeconds = await startApp("next start");

    const targets = [
      { name: "front page", path: "/" },
      { name: "article", path: `/articles/${fixtures.referenceSlug}` },
      { name: "tag page", path: `/tags/${fixtures.bigTag.slug}` },
      { name: "search", path: `/search?q=${encodeURIComponent(fixtures.commonWord)}` },
      { name: "sitemap", path: "/sitemap.xml" },
      // Every rendered ad loads its beacon: a page with eight ads is nine requests.
      { name: "ad beacon", path: `/ads/${fixtures.adKey}/impression.gif` },
    ];
    const weighed = [
      ...targets.slice(0, 4),
      { name: "article (recent)", path: `/articles/${fixtures.recentSlug}` },
      { name: "front /page/500", path: "/page/500" },
      { name: "tag deep page", path: `/tags/${fixtures.bigTag.slug}/page/500` },
      { name: "author page", path: `/authors/${fixtures.author.slug}` },
      { name: "sitemap", path: "/sitemap.xml" },
      { name: "news sitemap", path: "/news-sitemap.xml" },
      { name: "feed", path: "/feed.xml" },
    ];

    // Warm: the first request renders and fills the cache; the bench measures the cached state.
    const warmPages = async (kind: AppKind) => {
      step(`Warming pages (${kind})`);
      const warm: { path: string; status: number; cacheControl: string; nextCache: string }[] = [];
      for (const { path: p } of weighed) {
        let res = await getRaw(new URL(p, siteUrl).href);
        for (let i = 0; i < 3; i++) res = await getRaw(new URL(p, siteUrl).href);
        const entry = {
          path: p,
          status: res.status,
          cacheControl: String(res.headers["cache-control"] ?? ""),
          nextCache: String(res.headers["x-nextjs-cache"] ?? ""),
        };
        warm.push(entry);
        log(`  ${String(entry.status).padEnd(4)} ${p}  cache-control: ${entry.cacheControl || "–"}  x-nextjs-cache: ${entry.nextCache || "–"}`);
      }
      return warm;
    };
    results.server = { startSeconds, warm: await warmPages("next start") };

    // 4. What a reader downloads (as Next itself sends it).
    step("Page weight");
    results.weights = [];
    for (const w of weighed) {
      const weight = await measurePage(siteUrl, w.name, w.path);
      results.weights.push(weight);
      log(`  ${w.name.padEnd(18)} HTML ${(weight.htmlGzipBytes / 1024).toFixed(1)} KB gzip, JS ${weight.scripts.length} files ${(weight.jsGzipBytes / 1024).toFixed(1)} KB gzip`);
    }
    const split = splitShared(results.weights);
    results.sharedJs = { files: split.shared, gzipBytes: split.sharedGzipBytes };

    // 5. Load on next start alone, then on the production server.
    results.load = [];
    const runLoad = async (via: string, base: string, target: { name: string; path: string }, connections: number, encoding: "gzip" | "identity" = "gzip") => {
      const servers = [app!.process.pid!, ...(via.startsWith("nginx") && nginxPid ? [nginxPid] : [])];
      const cpuBefore = cpuMs(servers);
      const r = await measureLoad(root, { name: target.name, url: new URL(target.path, base).href, via }, connections, options.duration, encoding);
      r.serverCpuMsPerRequest = r.requests ? (cpuMs(servers) - cpuBefore) / r.requests : undefined;
      results.load!.push(r);
      log(
        `  ${via.padEnd(12)} ${target.name.padEnd(11)} c=${String(connections).padEnd(3)} ${encoding.padEnd(8)} ` +
          `${Math.round(r.rps).toString().padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors + r.timeouts}  non-2xx ${r.non2xx}` +
          `  server CPU ${r.serverCpuMsPerRequest?.toFixed(3) ?? "–"} ms/req`,
      );
    };
    for (const kind of ["next start", "Next, cache off", "npm start"] as const) {
      if (kind === "Next, cache off") {
        // What every request costs when Next renders or reads its own cache: the front page and
        // the article at 16 connections with the response cache off.
        await startApp(kind);
        step("Load on next start with the response cache off (RESPONSE_CACHE_TTL=0)");
        for (const target of targets.slice(0, 2)) await runLoad(kind, siteUrl, target, 16);
        continue;
      }
      if (kind !== app?.kind) {
        const seconds = await startApp(kind);
        results.productionServer = { startSeconds: seconds, warm: await warmPages(kind) };
        // What a browser that accepts brotli gets from the production server's response cache.
        for (const w of results.weights) {
          const res = await getRaw(new URL(w.path, siteUrl).href, { "accept-encoding": "gzip, deflate, br" });
          if (res.headers["content-encoding"] === "br") w.htmlBrBytes = res.raw.length;
        }
      }
      step(`Load on ${kind}: ${options.connections.join("/")} connections × ${options.duration} s per page`);
      for (const target of targets) {
        for (const connections of options.connections) await runLoad(kind, siteUrl, target, connections);
      }
      // Without compression, as wrk asks by default: comparable with the reference figures,
      // and the difference is what per-request gzip costs the server.
      for (const target of targets.slice(0, 2)) await runLoad(kind, siteUrl, target, 16, "identity");
    }

    // 6. The same load through deploy/nginx.conf, and nginx serving a static copy.
    if (options.nginx) await nginxStage(results, targets, runLoad, stopAll);
    else results.nginx = { skipped: "skipped (--no-nginx)" };

    await stopApp();
  } finally {
    for (const stop of stopAll.reverse()) await stop().catch(() => {});
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }

  async function nginxStage(
    results: import("./report").Results,
    targets: { name: string; path: string }[],
    runLoad: (via: string, base: string, target: { name: string; path: string }, connections: number) => Promise<void>,
    stops: (() => Promise<void>)[],
  ) {
    const { findNginx, writeNginxConfig, testNginxConfig, checkRecipe } = await import("./nginx");
    const bin = findNginx();
    if (!bin) {
      results.nginx = { skipped: "nginx not installed: skipped the proxy comparison (apt-get install -y nginx to include it)" };
      log(`\n  ${results.nginx.skipped}`);
      return;
    }
    step(`nginx (${bin}) with deploy/nginx.conf on 127.0.0.1:${ports.nginx}, static copy on :${ports.nginxStatic}`);
    const staticRoot = path.join(benchDir, "nginx-static");
    fs.rmSync(staticRoot, { recursive: true, force: true });
    fs.mkdirSync(staticRoot, { recursive: true });
    const statics: { name: string; path: string }[] = [];
    for (const t of targets.slice(0, 2)) {
      const page = await getRaw(new URL(t.path, siteUrl).href);
      const file = t.name === "front page" ? "front.html" : "article.html";
      fs.writeFileSync(path.join(staticRoot, file), page.body);
      fs.writeFileSync(path.join(staticRoot, `${file}.gz`), zlib.gzipSync(page.body, { level: 6 }));
      statics.push({ name: t.name, path: `/${file}` });
    }
    const setup = writeNginxConfig({
      root,
      distDir,
      dataDir: benchDir,
      dir: path.join(benchDir, "nginx"),
      proxyPort: ports.nginx,
      staticPort: ports.nginxStatic,
      appPort: ports.app,
      staticRoot,
    });
    const problem = testNginxConfig(bin, setup);
    if (problem) {
      results.nginx = { skipped: `nginx -t rejected the generated config: ${problem}` };
      log(`  ${results.nginx.skipped}`);
      return;
    }
    const version = spawnSync(bin, ["-v"], { encoding: "utf8" }).stderr.trim();
    const nginx = startDetached(bin, ["-p", setup.dir, "-c", setup.mainConf], { cwd: setup.dir, logFile: path.join(setup.dir, "logs", "stdout.log") });
    stops.push(() => stopGroup(nginx));
    nginxPid = nginx.pid;
    const proxyBase = `http://127.0.0.1:${ports.nginx}`;
    const staticBase = `http://127.0.0.1:${ports.nginxStatic}`;
    await waitForHttp(`${staticBase}/article.html`, 10_000, nginx);
    const warm: { path: string; status: number; xCache: string }[] = [];
    for (const t of targets) {
      let res = await getRaw(new URL(t.path, proxyBase).href);
      for (let i = 0; i < 3; i++) res = await getRaw(new URL(t.path, proxyBase).href);
      warm.push({ path: t.path, status: res.status, xCache: String(res.headers["x-cache"] ?? "") });
      log(`  ${res.status} ${t.path}  X-Cache: ${res.headers["x-cache"] ?? "–"}`);
    }
    const article = results.weights?.find((w) => w.page === "article");
    const publicFile = fs.existsSync(path.join(root, "public", "ads"))
      ? `/ads/${fs.readdirSync(path.join(root, "public", "ads"))[0]}`
      : null;
    const checks = await checkRecipe(
      proxyBase,
      {
        page: targets[0].path,
        privatePath: `/search?q=${encodeURIComponent(fixtures.rareWord)}`,
        staticAsset: article?.scripts.find((s) => s.src.startsWith("/_next/static/"))?.src ?? null,
        publicFile,
      },
      getRaw as never,
    );
    for (const c of checks) log(`  ${c.ok ? "✓" : "✗"} ${c.check} (${c.detail})`);
    results.nginx = { version, warm, checks };
    for (const [via, base, list] of [
      ["nginx", proxyBase, targets],
      ["nginx static", staticBase, statics],
    ] as const) {
      for (const target of list) {
        for (const connections of options.connections) await runLoad(via, base, target, connections);
      }
    }
    // The 1.5× comparison, alternating proxy and static runs so that other work on the machine
    // weighs on both alike.
    const articleTarget = targets.find((t) => t.name === "article")!;
    const staticArticle = statics.find((t) => t.name === "article")!;
    for (let round = 0; round < 3; round++) {
      await runLoad("nginx (A/B)", proxyBase, articleTarget, 16);
      await runLoad("nginx static (A/B)", staticBase, staticArticle, 16);
    }
    await stopGroup(nginx);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
