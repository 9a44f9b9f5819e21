import { beforeAll, describe, expect, it } from "vitest";
import { runMigrations } from "@/db";
import { listAuditEntries } from "@/db/queries/audit";
import { EmailTakenError, getUserByEmail, getUserById } from "@/db/queries/users";
import { verifyPassword } from "./password";
import {
  changeOwnPassword,
  createUser,
  LastAdminError,
  resetUserPassword,
  setUserActive,
  updateUserDetails,
} from "./user-admin";

const cli = { actor: null, actorLabel: "cli" };
let admin: { id: number; email: string };

beforeAll(async () => {
  runMigrations();
  const row = await createUser({ email: "chief@example.com", name: "Chief", role: "admin", password: "chief-password-1" }, cli);
  admin = { id: row.id, email: row.email };
});

describe("user administration", () => {
  it("creates a user with a hashed password and an audit entry naming the creator", async () => {
    const user = await createUser(
      { email: "new@example.com", name: "New", role: "editor", password: "new-password-12" },
      { actor: admin, ip: "192.0.2.4" },
    );
    expect(user.passwordHash).not.toContain("new-password");
    expect(await verifyPassword(user.passwordHash, "new-password-12")).toBe(true);
    const [entry] = (await listAuditEntries({ action: "user.create" })).entries;
    expect(entry).toMatchObject({ userId: admin.id, entityId: String(user.id), ip: "192.0.2.4" });
    expect(entry.summary).toBe("Created editor new@example.com");
  });

  it("refuses a second account with the same email", async () => {
    await expect(
      createUser({ email: "new@example.com", name: "Again", role: "editor", password: "x-password-123" }, cli),
    ).rejects.toBeInstanceOf(EmailTakenError);
  });

  it("never leaves the site without an active admin", async () => {
    await expect(updateUserDetails(admin.id, { name: "Chief", role: "editor" }, { actor: admin })).rejects.toBeInstanceOf(
      LastAdminError,
    );
    await expect(setUserActive(admin.id, false, { actor: admin })).rejects.toBeInstanceOf(LastAdminError);
    expect(await getUserById(admin.id)).toMatchObject({ role: "admin", active: true, sessionVersion: 1 });
    expect((await listAuditEntries({ action: "user.deactivate" })).entries).toHaveLength(0);

    // With a second admin, the first may step down.
    const deputy = await createUser({ email: "deputy@example.com", name: "Deputy", role: "admin", password: "deputy-pass-12" }, cli);
    expect(await updateUserDetails(admin.id, { name: "Chief", role: "editor" }, { actor: admin })).toMatchObject({ role: "editor" });
    await expect(setUserActive(deputy.id, false, { actor: admin })).rejects.toBeInstanceOf(LastAdminError);
    await updateUserDetails(admin.id, { name: "Chief", role: "admin" }, { actor: { id: deputy.id, email: deputy.email } });
  });

  it("ends a user's sessions when deactivated or given a new password", async () => {
    const user = await createUser({ email: "temp@example.com", name: "Temp", role: "editor", password: "temp-password-1" }, cli);
    const off = await setUserActive(user.id, false, { actor: admin });
    expect(off).toMatchObject({ active: false, sessionVersion: 2 });
    const on = await setUserActive(user.id, true, { actor: admin });
    expect(on).toMatchObject({ active: true, sessionVersion: 2 });
    const reset = await resetUserPassword(user.id, "reset-password-1", { actor: admin });
    expect(reset).toMatchObject({ sessionVersion: 3, demoPassword: false });
    expect(await verifyPassword(reset!.passwordHash, "reset-password-1")).toBe(true);
    expect(await resetUserPassword(99999, "reset-password-1", { actor: admin })).toBeUndefined();
  });

  it("clears the demo-password flag when users change their own password", async () => {
    await createUser({ email: "demo@example.com", name: "Demo", role: "editor", password: "demo-password-1" }, cli, {
      demoPassword: true,
    });
    const demo = (await getUserByEmail("demo@example.com"))!;
    expect(demo.demoPassword).toBe(true);
    const changed = await changeOwnPassword(demo.id, "a-much-better-one", { actor: { id: demo.id, email: demo.email } });
    expect(changed).toMatchObject({ demoPassword: false, sessionVersion: 2 });
    const [entry] = (await listAuditEntries({ action: "user.change-password" })).entries;
    expect(entry).toMatchObject({ userId: demo.id, actor: "demo@example.com" });
  });
});
