/**
 * Records the SQL that the app's query functions run (through drizzle or raw), so the bench can
 * show `EXPLAIN QUERY PLAN` for exactly those statements without restating any query.
 */
import type Database from "better-sqlite3";

export type CapturedStatement = { sql: string; params: unknown[] };
export type PlanStep = { detail: string };
export type PlanVerdict = "ok" | "index-walk" | "full-scan";
export type ExplainedStatement = {
  sql: string;
  plan: string[];
  verdict: PlanVerdict;
  /** Why the verdict is not "ok", one line per finding. */
  findings: string[];
};

/** Tables large enough at newsroom scale that visiting all their rows is a defect. */
export const BIG_TABLES = ["articles", "article_tags", "articles_fts", "revisions", "audit_log"];

const RUN_METHODS = ["all", "get", "run", "iterate"] as const;

/**
 * Records every statement run on this connection while `capture` is active. It hooks the
 * statement class rather than `prepare`, because the app prepares its read statements once per
 * connection and reuses them.
 */
export function statementRecorder(handle: Database.Database) {
  const proto = Object.getPrototypeOf(handle.prepare("select 1")) as Record<string, unknown>;
  const originals = new Map(RUN_METHODS.map((m) => [m, proto[m] as (...a: unknown[]) => unknown]));
  let sink: CapturedStatement[] | null = null;
  for (const method of RUN_METHODS) {
    const fn = originals.get(method)!;
    proto[method] = function (this: Database.Statement, ...args: unknown[]) {
      if (sink && this.database === handle) sink.push({ sql: this.source, params: args });
      return fn.apply(this, args);
    };
  }
  return {
    /** Runs `fn` once and returns each statement it executed, in order. */
    async capture(fn: () => Promise<unknown>): Promise<CapturedStatement[]> {
      sink = [];
      const out = sink;
      try {
        await fn();
      } finally {
        sink = null;
      }
      return out;
    },
    restore() {
      for (const [method, fn] of originals) proto[method] = fn;
    },
  };
}

/** Classifies one `EXPLAIN QUERY PLAN` line. */
export function judgePlanLine(detail: string): { verdict: PlanVerdict; finding?: string } {
  const scan = /^SCAN (\S+)(?: AS \S+)?(.*)$/.exec(detail);
  if (!scan) {
    if (/TEMP B-TREE/.test(detail)) return { verdict: "ok", finding: `note: ${detail}` };
    return { verdict: "ok" };
  }
  const [, table, rest] = scan;
  if (!BIG_TABLES.includes(table)) return { verdict: "ok" };
  if (/VIRTUAL TABLE INDEX/.test(rest)) {
    // FTS5 reports its MATCH constraint in idxStr; an empty idxStr is a scan of the whole index.
    const idx = /VIRTUAL TABLE INDEX \d+:(\S*)/.exec(rest);
    return idx && idx[1] ? { verdict: "ok" } : { verdict: "full-scan", finding: detail };
  }
  if (/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(rest)) {
    return { verdict: "index-walk", finding: `${detail} (walks an index in order; bounded only by LIMIT)` };
  }
  return { verdict: "full-scan", finding: detail };
}

const rank: Record<PlanVerdict, number> = { ok: 0, "index-walk": 1, "full-scan": 2 };

export function explain(handle: Database.Database, statements: CapturedStatement[]): ExplainedStatement[] {
  const seen = new Set<string>();
  const out: ExplainedStatement[] = [];
  for (const { sql, params } of statements) {
    if (seen.has(sql) || !/^\s*(select|with)\b/i.test(sql)) continue;
    seen.add(sql);
    let rows: { detail: string }[];
    try {
      rows = handle.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(params as never[])) as { detail: string }[];
    } catch (error) {
      out.push({ sql, plan: [`(could not explain: ${(error as Error).message})`], verdict: "ok", findings: [] });
      continue;
    }
    let verdict: PlanVerdict = "ok";
    const findings: string[] = [];
    for (const { detail } of rows) {
      const judged = judgePlanLine(detail);
      if (rank[judged.verdict] > rank[verdict]) verdict = judged.verdict;
      if (judged.finding) findings.push(judged.finding);
    }
    out.push({ sql, plan: rows.map((r) => r.detail), verdict, findings });
  }
  return out;
}
