/** The bench's results as one JSON document and as the Markdown tables printed at the end. */
import type { DataAccessResult } from "./data-access";
import type { LoadResult } from "./load";
import type { PageWeight } from "./weight";

export type Results = {
  startedAt: string;
  finishedAt?: string;
  options: Record<string, unknown>;
  machine: {
    cores: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    loadAverageStart: number[];
    loadAverageEnd?: number[];
    commit: string;
  };
  dataset?: {
    reused: boolean;
    generatedAt: string;
    generationSeconds: number;
    databaseBytes: number;
    counts: Record<string, number>;
  };
  fixtures?: Record<string, unknown>;
  dataAccess?: DataAccessResult[];
  build?: { seconds: number; distDir: string; skipped?: boolean };
  server?: { startSeconds: number; warm: { path: string; status: number; cacheControl: string; nextCache: string }[] };
  weights?: PageWeight[];
  sharedJs?: { files: string[]; gzipBytes: number };
  load?: LoadResult[];
  /** The production server (`npm start`: server/main.mjs); `next start` alone below. */
  memory?: { peakRssMb: number; hwmSumMb: number; processes: number };
  memoryNextStart?: { peakRssMb: number; hwmSumMb: number; processes: number };
  productionServer?: { startSeconds: number; warm: { path: string; status: number; cacheControl: string; nextCache: string }[] };
  nginx?: {
    skipped?: string;
    version?: string;
    warm?: { path: string; status: number; xCache: string }[];
    checks?: { check: string; ok: boolean; detail: string }[];
  };
  notes: string[];
};

const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "–" : x < 10 ? x.toFixed(2) : x.toFixed(1));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const int = (x: number) => Math.round(x).toLocaleString("en-US");

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

export type TargetCheck = { target: string; measured: string; met: boolean | null };

export function checkTargets(r: Results): TargetCheck[] {
  const out: TargetCheck[] = [];
  const timed = (r.dataAccess ?? []).filter((d) => d.timing);
  if (timed.length) {
    const cpuOf = (d: DataAccessResult) => d.timing!.cpu?.median ?? d.timing!.median;
    const worst = timed.reduce((a, b) => (cpuOf(a) >= cpuOf(b) ? a : b));
    const over = timed.filter((d) => cpuOf(d) >= 5);
    out.push({
      target: "every page's data access < 5 ms (median CPU time)",
      measured:
        `worst ${worst.page}: ${ms(cpuOf(worst))} ms CPU (wall median ${ms(worst.timing!.median)}, p99 ${ms(worst.timing!.p99)} ms)` +
        (over.length ? `; over 5 ms: ${over.map((d) => d.page).join(", ")}` : ""),
      met: over.length === 0,
    });
    const scans = timed.filter((d) => d.verdict === "full-scan");
    out.push({
      target: "no full scans on page paths",
      measured: scans.length ? scans.map((d) => d.page).join(", ") : "none",
      met: scans.length === 0,
    });
  }
  const skipped = (r.dataAccess ?? []).filter((d) => d.missing);
  if (skipped.length) out.push({ target: "pages measured", measured: `${skipped.length} skipped (code not on this branch)`, met: null });
  for (const via of ["next start", "npm start"]) {
    for (const page of ["front page", "article"]) {
      for (const encoding of ["gzip", "identity"] as const) {
        const run = (r.load ?? []).find(
          (l) => l.via === via && l.target === page && l.connections === 16 && (l.encoding ?? "gzip") === encoding,
        );
        if (run)
          out.push({
            target: `${via === "npm start" ? "npm start (server/main.mjs)" : via}: ${page} ≥ 2,000 req/s at 16 connections, p99 < 50 ms, no errors (${encoding})`,
            measured:
              `${int(run.rps)} req/s, p99 ${run.p99} ms, ${run.errors + run.non2xx + run.timeouts} errors` +
              (run.serverCpuMsPerRequest
                ? `; server CPU ${run.serverCpuMsPerRequest.toFixed(2)} ms/request, so at most ~${int(1000 / run.serverCpuMsPerRequest)} req/s per core the server has to itself`
                : ""),
            met: run.rps >= 2000 && run.p99 < 50 && run.errors + run.non2xx + run.timeouts === 0,
          });
      }
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const rounds = (via: string) => (r.load ?? []).filter((l) => l.via === via && l.target === "article" && l.connections === 16);
  let proxied = rounds("nginx (A/B)");
  let plain = rounds("nginx static (A/B)");
  if (!proxied.length || !plain.length) {
    proxied = rounds("nginx");
    plain = rounds("nginx static");
  }
  if (proxied.length && plain.length) {
    const proxiedRps = median(proxied.map((l) => l.rps));
    const plainRps = median(plain.map((l) => l.rps));
    const cpu = (ls: typeof proxied) => median(ls.map((l) => l.serverCpuMsPerRequest ?? NaN));
    out.push({
      target: "behind nginx: article within 1.5× of nginx static (16 connections)",
      measured:
        `${int(proxiedRps)} vs ${int(plainRps)} req/s (${(plainRps / proxiedRps).toFixed(2)}×, median of ${proxied.length} alternating runs); ` +
        `server CPU ${cpu(proxied).toFixed(3)} vs ${cpu(plain).toFixed(3)} ms/request (${(cpu(proxied) / cpu(plain)).toFixed(2)}×)`,
      met: plainRps / proxiedRps <= 1.5,
    });
  }
  const article = (r.weights ?? []).find((w) => w.page === "article");
  if (article)
    out.push({
      target: "article HTML < 10 KB gzip",
      measured: `${kb(article.htmlGzipBytes)} (${kb(article.htmlBytes)} raw)`,
      met: article.htmlGzipBytes < 10 * 1024,
    });
  if (r.sharedJs && r.weights) {
    const extras = r.weights
      .filter((w) => w.contentType.includes("text/html") && w.status === 200)
      .map((w) => ({ page: w.page, extra: w.scripts.filter((s) => !r.sharedJs!.files.includes(s.src)).reduce((n, s) => n + s.gzipBytes, 0) }));
    out.push({
      target: "reader pages: no JS beyond Next's runtime + search box",
      measured: `runtime shared by all pages ${kb(r.sharedJs.gzipBytes)} gzip; page-specific: ${extras.map((e) => `${e.page} ${kb(e.extra)}`).join(", ")}`,
      met: null,
    });
  }
  return out;
}

export function markdown(r: Results): string {
  const parts: string[] = [];
  const m = r.machine;
  parts.push(`## Bench results ${r.startedAt} (${m.commit})`);
  parts.push(
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGb.toFixed(0)} GB, Node ${m.node}; load average ` +
      `${m.loadAverageStart.map((x) => x.toFixed(2)).join(" ")} at start` +
      (m.loadAverageEnd ? `, ${m.loadAverageEnd.map((x) => x.toFixed(2)).join(" ")} at end` : "") +
      `. Options: ${JSON.stringify(r.options)}.`,
  );
  if (r.dataset) {
    const c = r.dataset.counts;
    parts.push("### Data set");
    parts.push(
      table(
        ["published articles", "all articles", "tags", "authors", "ad slots", "article–tag links", "database", "generated in"],
        [[
          int(c.publishedArticles), int(c.articles), int(c.tags), int(c.authors), int(c.adSlots), int(c.articleTags),
          mb(r.dataset.databaseBytes),
          `${r.dataset.generationSeconds.toFixed(1)} s${r.dataset.reused ? ` (reused, generated ${r.dataset.generatedAt})` : ""}`,
        ]],
      ),
    );
  }
  if (r.dataAccess) {
    parts.push("### Data access per page (target < 5 ms)");
    parts.push(
      "CPU time is this process's user + system time per call: on a machine shared with other work the wall time also " +
        "counts the time spent waiting for a core, which CPU time does not.",
    );
    parts.push(
      table(
        ["page", "functions", "CPU median ms", "wall median ms", "wall p99 ms", "runs", "statements", "plan"],
        r.dataAccess.map((d) => [
          d.page, d.calls.join(", "),
          d.timing?.cpu ? ms(d.timing.cpu.median) : d.missing ? "skipped" : d.timing ? "–" : "error",
          d.timing ? ms(d.timing.median) : "–",
          d.timing ? ms(d.timing.p99) : "–", d.timing?.runs ?? "–", d.statements ?? "–",
          d.verdict ?? (d.missing ? d.missing : (d.error ?? "").split("\n")[0]),
        ]),
      ),
    );
    const findings = r.dataAccess.flatMap((d) =>
      (d.plans ?? []).filter((p) => p.verdict !== "ok").map((p) => `- **${d.page}** (${p.verdict}): ${p.findings.join("; ")}`),
    );
    if (findings.length) parts.push(["Plan findings (`EXPLAIN QUERY PLAN`):", ...new Set(findings)].join("\n"));
  }
  if (r.weights?.length) {
    parts.push("### Page weight");
    parts.push(
      table(
        ["page", "status", "Cache-Control", "HTML", "HTML gzip", "HTML br (npm start)", "inline script", "JS files", "JS gzip", "beyond shared runtime"],
        r.weights.map((w) => {
          const shared = r.sharedJs?.files ?? [];
          const extra = w.scripts.filter((s) => !shared.includes(s.src)).reduce((n, s) => n + s.gzipBytes, 0);
          return [
            `${w.page} \`${w.path.length > 40 ? w.path.slice(0, 37) + "…" : w.path}\``, w.status, w.cacheControl || "–",
            kb(w.htmlBytes), kb(w.htmlGzipBytes), w.htmlBrBytes === undefined ? "–" : kb(w.htmlBrBytes), kb(w.inlineScriptBytes), w.scripts.length, kb(w.jsGzipBytes), kb(extra),
          ];
        }),
      ),
    );
    if (r.sharedJs) parts.push(`Shared by every HTML page: ${r.sharedJs.files.length} scripts, ${kb(r.sharedJs.gzipBytes)} gzip.`);
  }
  if (r.load?.length) {
    parts.push("### Load (autocannon in a separate process against 127.0.0.1; `gzip` rows send a browser's `accept-encoding`)");
    parts.push(
      table(
        ["via", "page", "conns", "encoding", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "non-2xx", "bytes/resp", "server CPU ms/req"],
        r.load.map((l) => [
          l.via, l.target, l.connections, l.encoding ?? "gzip", int(l.rps), l.p50, l.p99, l.maxMs, l.errors + l.timeouts, l.non2xx, int(l.bytesPerRequest),
          l.serverCpuMsPerRequest === undefined ? "–" : l.serverCpuMsPerRequest.toFixed(3),
        ]),
      ),
    );
  }
  for (const [label, memory] of [
    ["next start", r.memoryNextStart],
    ["npm start (server/main.mjs, incl. its response cache)", r.memory],
  ] as const)
    if (memory)
      parts.push(
        `Server memory, ${label}: peak sampled RSS ${memory.peakRssMb.toFixed(0)} MB; ` +
          `sum of per-process high-water marks ${memory.hwmSumMb.toFixed(0)} MB over ${memory.processes} process(es).`,
      );
  if (r.nginx?.skipped) parts.push(`nginx: ${r.nginx.skipped}`);
  if (r.nginx?.checks?.length)
    parts.push(
      [`deploy/nginx.conf checks (${r.nginx.version ?? "nginx"}):`, ...r.nginx.checks.map((c) => `- ${c.ok ? "✓" : "✗ **failed**:"} ${c.check} (${c.detail})`)].join("\n"),
    );
  const targets = checkTargets(r);
  if (targets.length) {
    parts.push("### Targets");
    parts.push(table(["target", "measured", "met"], targets.map((t) => [t.target, t.measured, t.met === null ? "see notes" : t.met ? "yes" : "**no**"])));
  }
  if (r.notes.length) parts.push(["### Notes", ...r.notes.map((n) => `- ${n}`)].join("\n"));
  return parts.join("\n\n") + "\n";
}
