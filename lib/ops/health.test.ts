import fs from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { closeDb, runMigrations, sqlite } from "@/db";
import { env } from "@/lib/env";
import { checkHealth } from "./health";

afterAll(() => closeDb());

describe("health", () => {
  it("is 503 with the pending migrations listed before the schema is applied", () => {
    const health = checkHealth();
    expect(health.httpStatus).toBe(503);
    expect(health.body).toMatchObject({ status: "error", database: "ok" });
    expect((health.body as { pendingMigrations: string[] }).pendingMigrations).toContain("0000_init");
  });

  it("is 200 once every migration is applied", () => {
    runMigrations();
    expect(checkHealth()).toEqual({
      httpStatus: 200,
      body: { status: "ok", database: "ok", migrations: "current" },
    });
  });

  it("is 503 when the database was migrated by a newer release", () => {
    sqlite().prepare("insert into __drizzle_migrations (hash, created_at) values ('future', 9999999999999)").run();
    expect(checkHealth()).toMatchObject({ httpStatus: 503, body: { unknownMigrations: 1, pendingMigrations: [] } });
    sqlite().prepare("delete from __drizzle_migrations where hash = 'future'").run();
  });

  it("is 503 when the database cannot be opened", () => {
    closeDb();
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const file = env.DATABASE_PATH;
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.mkdirSync(file); // a folder where the file should be
    try {
      expect(checkHealth()).toEqual({ httpStatus: 503, body: { status: "error", database: "unreachable" } });
    } finally {
      fs.rmdirSync(file);
      quiet.mockRestore();
    }
  });
});
