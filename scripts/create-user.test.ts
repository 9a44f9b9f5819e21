import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";

const root = path.resolve(import.meta.dirname, "..");

function createUser(databasePath: string, args: string[], password?: string) {
  return spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/create-user.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    input: "",
    env: { ...process.env, DATABASE_PATH: databasePath, NEW_USER_PASSWORD: password ?? "" },
  });
}

describe("npm run user:create", () => {
  it("creates the first admin on a fresh database, with no demo content", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dateline-unit-")), "prod.db");
    const ok = createUser(file, ["--email", "Chief@Example.com", "--role", "admin", "--name", "Chief Editor"], "a-long-secret-pass");
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("Created admin chief@example.com");

    const again = createUser(file, ["--email", "chief@example.com", "--role", "admin"], "a-long-secret-pass");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists");

    const short = createUser(file, ["--email", "b@example.com"], "short");
    expect(short.status).toBe(2);
    const none = createUser(file, ["--email", "b@example.com"]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("NEW_USER_PASSWORD");

    const db = new Database(file, { readonly: true });
    const users = db.prepare("select email, name, role, demo_password, password_hash from users").all() as {
      email: string;
      password_hash: string;
    }[];
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: "chief@example.com", name: "Chief Editor", role: "admin", demo_password: 0 });
    expect(await verifyPassword(users[0].password_hash, "a-long-secret-pass")).toBe(true);
    expect(db.prepare("select count(*) n from articles").get()).toEqual({ n: 0 });
    expect(db.prepare("select count(*) n from site_settings").get()).toEqual({ n: 1 });
    expect(db.prepare("select actor, action from audit_log").all()).toEqual([{ actor: "command line", action: "user.create" }]);
    db.close();
  });
});
