/**
 * Times each public page's data access by calling the app's own exported query functions (the
 * ones the page calls), then explains every statement they ran.
 */
import { sqlite } from "@/db";
import { explain, statementRecorder, type ExplainedStatement, type PlanVerdict } from "./sql-plan";
import { timeRepeated, type Timing } from "./stats";
import type { PagePlan } from "./pages";

export type DataAccessResult = {
  page: string;
  path: string;
  calls: string[];
  missing?: string;
  error?: string;
  timing?: Timing;
  statements?: number;
  verdict?: PlanVerdict;
  plans?: ExplainedStatement[];
};

export async function measureDataAccess(
  plans: PagePlan[],
  options: { quick: boolean; log: (line: string) => void },
): Promise<DataAccessResult[]> {
  const handle = sqlite();
  const recorder = statementRecorder(handle);
  const results: DataAccessResult[] = [];
  try {
    for (const plan of plans) {
      const base = { page: plan.name, path: plan.path, calls: plan.calls };
      if (plan.missing) {
        results.push({ ...base, missing: plan.missing });
        options.log(`  ${plan.name}: skipped (${plan.missing})`);
        continue;
      }
      try {
        const statements = await recorder.capture(plan.run);
        const timing = await timeRepeated(plan.run, {
          minRuns: options.quick ? 20 : 100,
          maxRuns: options.quick ? 200 : 2000,
          budgetMs: options.quick ? 300 : 2000,
        });
        const plansExplained = explain(handle, statements);
        const verdict = plansExplained.reduce<PlanVerdict>(
          (worst, p) => (p.verdict === "full-scan" || (p.verdict === "index-walk" && worst === "ok") ? p.verdict : worst),
          "ok",
        );
        results.push({ ...base, timing, statements: statements.length, verdict, plans: plansExplained });
        options.log(
          `  ${plan.name.padEnd(24)} median ${timing.median.toFixed(2)} ms  p99 ${timing.p99.toFixed(2)} ms  ` +
            `CPU median ${timing.cpu.median.toFixed(2)} ms  ` +
            `(${timing.runs} runs, ${statements.length} statements, plan: ${verdict})`,
        );
      } catch (error) {
        results.push({ ...base, error: (error as Error).stack ?? String(error) });
        options.log(`  ${plan.name}: failed: ${(error as Error).message}`);
      }
    }
  } finally {
    recorder.restore();
  }
  return results;
}
