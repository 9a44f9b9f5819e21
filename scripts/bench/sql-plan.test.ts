import { beforeAll, describe, expect, it } from "vitest";
import { runMigrations, sqlite } from "@/db";
import { explain, judgePlanLine, statementRecorder } from "./sql-plan";

describe("judgePlanLine", () => {
  it("accepts index searches and flags scans of big tables", () => {
    expect(judgePlanLine("SEARCH articles USING INDEX articles_status_published_idx (status=? AND published_at<?)").verdict).toBe("ok");
    expect(judgePlanLine("SCAN articles").verdict).toBe("full-scan");
    expect(judgePlanLine("SCAN x AS articles").verdict).toBe("ok");
    expect(judgePlanLine("SCAN article_tags AS x").verdict).toBe("full-scan");
    expect(judgePlanLine("SCAN articles USING INDEX articles_updated_idx").verdict).toBe("index-walk");
    expect(judgePlanLine("SCAN ad_slots").verdict).toBe("ok");
  });

  it("tells an FTS5 MATCH from a scan of the whole full-text index", () => {
    expect(judgePlanLine("SCAN articles_fts VIRTUAL TABLE INDEX 0:M4").verdict).toBe("ok");
    expect(judgePlanLine("SCAN articles_fts VIRTUAL TABLE INDEX 0:").verdict).toBe("full-scan");
  });
});

describe("statementRecorder + explain", () => {
  beforeAll(() => runMigrations());

  it("records the statements a function runs and explains them with their parameters", async () => {
    const handle = sqlite();
    // Prepared before recording starts, as the app's read statements are.
    const listed = handle.prepare("select id from articles where status = ? order by published_at desc limit 10");
    const recorder = statementRecorder(handle);
    try {
      const statements = await recorder.capture(async () => {
        listed.all("published");
        handle.prepare("select count(*) from articles where body like ?").get("%x%");
      });
      expect(statements.map((s) => s.params)).toEqual([["published"], ["%x%"]]);
      const [indexed, scan] = explain(handle, statements);
      expect(indexed.verdict).toBe("ok");
      expect(indexed.plan.join(" ")).toMatch(/articles_status_published_idx/);
      expect(scan.verdict).toBe("full-scan");
      expect(scan.findings[0]).toMatch(/^SCAN articles/);
    } finally {
      recorder.restore();
    }
    // Outside a capture nothing is recorded and statements behave normally.
    expect(handle.prepare("select 1 as one").get()).toEqual({ one: 1 });
  });
});
