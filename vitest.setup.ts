import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Each test file gets its own throwaway SQLite file (set before lib/env.ts is first imported).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-unit-"));
process.env.DATABASE_PATH = path.join(dir, "news.db");
process.env.SITE_URL ??= "http://localhost:3000";
