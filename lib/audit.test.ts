import { beforeAll, describe, expect, it } from "vitest";
import { runMigrations, transaction } from "@/db";
import { listAuditEntries } from "@/db/queries/audit";
import { users } from "@/db/schema";
import { recordAudit, recordAuditTx } from "./audit";

let userId: number;

beforeAll(() => {
  runMigrations();
  userId = transaction((tx) =>
    tx.insert(users).values({ email: "a@example.com", name: "A", passwordHash: "x", role: "admin" }).returning().get(),
  ).id;
});

describe("recordAudit", () => {
  it("stores who did what to which entity, newest first", async () => {
    await recordAudit({ user: null, actor: "typed@example.com", action: "auth.sign-in-failed", ip: "203.0.113.9" });
    await recordAudit({
      user: { id: userId, email: "a@example.com" },
      action: "user.create",
      entityType: "user",
      entityId: 42,
      summary: "Created editor b@example.com",
    });
    const { entries } = await listAuditEntries();
    expect(entries[0]).toMatchObject({
      userId,
      actor: "a@example.com",
      action: "user.create",
      entityType: "user",
      entityId: "42",
      summary: "Created editor b@example.com",
      ip: "",
    });
    expect(entries[1]).toMatchObject({ userId: null, actor: "typed@example.com", ip: "203.0.113.9" });
    expect(entries[0].at).toBeInstanceOf(Date);
  });

  it("rolls back with the transaction it was written in", async () => {
    const before = (await listAuditEntries()).entries.length;
    expect(() =>
      transaction((tx) => {
        recordAuditTx(tx, { user: null, action: "settings.update" });
        throw new Error("the change failed");
      }),
    ).toThrow("the change failed");
    expect((await listAuditEntries()).entries.length).toBe(before);
  });

  it("pages through entries by id, bounded", async () => {
    for (let i = 0; i < 5; i++) await recordAudit({ user: null, action: "test.page", summary: String(i) });
    const first = await listAuditEntries({ action: "test.page", limit: 2 });
    expect(first.entries.map((e) => e.summary)).toEqual(["4", "3"]);
    const second = await listAuditEntries({ action: "test.page", limit: 2, before: first.nextBefore! });
    expect(second.entries.map((e) => e.summary)).toEqual(["2", "1"]);
    const last = await listAuditEntries({ action: "test.page", limit: 2, before: second.nextBefore! });
    expect(last.entries.map((e) => e.summary)).toEqual(["0"]);
    expect(last.nextBefore).toBeNull();
  });
});
