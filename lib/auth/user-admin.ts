import { eq } from "drizzle-orm";
import { transaction } from "@/db";
import { countActiveAdminsTx, getUserById, insertUserTx, updateUserTx, type UserChange } from "@/db/queries/users";
import { users, type User, type UserRole } from "@/db/schema";
import { recordAuditTx } from "@/lib/audit";
import { hashPassword } from "./password";

/**
 * User management, shared by the admin's server actions and the `user:create` command. Every
 * change is written with its audit entry in one transaction, and none may leave the site without
 * an active admin.
 */
export class LastAdminError extends Error {
  constructor() {
    super("At least one active admin must remain. Make another user an admin first.");
  }
}

export type ChangeContext = {
  /** Who makes the change; null for the command line. */
  actor: { id: number; email: string } | null;
  actorLabel?: string;
  ip?: string;
};

function audit(tx: Parameters<typeof recordAuditTx>[0], ctx: ChangeContext, action: string, user: User, summary: string) {
  recordAuditTx(tx, {
    user: ctx.actor,
    actor: ctx.actor ? undefined : ctx.actorLabel,
    action,
    entityType: "user",
    entityId: user.id,
    summary,
    ip: ctx.ip,
  });
}

function assertAnAdminRemains(tx: Parameters<typeof countActiveAdminsTx>[0]) {
  if (countActiveAdminsTx(tx) < 1) throw new LastAdminError();
}

export async function createUser(
  input: { email: string; name: string; role: UserRole; password: string },
  ctx: ChangeContext,
  options: { demoPassword?: boolean } = {},
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return transaction((tx) => {
    const user = insertUserTx(tx, {
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash,
      demoPassword: options.demoPassword ?? false,
    });
    audit(tx, ctx, "user.create", user, `Created ${user.role} ${user.email}`);
    return user;
  });
}

/** Applies `change` to user `id`; undefined when there is no such user. */
function changeUser(
  id: number,
  change: UserChange,
  ctx: ChangeContext,
  action: string,
  describe: (before: User, after: User) => string,
): User | undefined {
  return transaction((tx) => {
    const before = tx.select().from(users).where(eq(users.id, id)).get();
    if (!before) return undefined;
    const after = updateUserTx(tx, id, change)!;
    // Checked after the write, inside the same IMMEDIATE transaction: a throw rolls it back.
    if (before.role === "admin" && before.active) assertAnAdminRemains(tx);
    audit(tx, ctx, action, after, describe(before, after));
    return after;
  });
}

export async function updateUserDetails(id: number, input: { name: string; role: UserRole }, ctx: ChangeContext) {
  return changeUser(id, input, ctx, "user.update", (before, after) => {
    const parts = [
      before.role !== after.role ? `role ${before.role} → ${after.role}` : null,
      before.name !== after.name ? `name "${before.name}" → "${after.name}"` : null,
    ].filter(Boolean);
    return `Updated ${after.email}: ${parts.length ? parts.join(", ") : "no change"}`;
  });
}

/** A new password set by an admin: the user's sessions end. */
export async function resetUserPassword(id: number, password: string, ctx: ChangeContext) {
  if (!(await getUserById(id))) return undefined;
  const passwordHash = await hashPassword(password);
  return changeUser(
    id,
    { passwordHash, demoPassword: false, endSessions: true },
    ctx,
    "user.reset-password",
    (_b, after) => `Reset the password of ${after.email}`,
  );
}

/** Deactivating ends the user's sessions at their next request; reactivating lets them sign in again. */
export async function setUserActive(id: number, active: boolean, ctx: ChangeContext) {
  return changeUser(
    id,
    { active, endSessions: !active },
    ctx,
    active ? "user.activate" : "user.deactivate",
    (_b, after) => `${active ? "Reactivated" : "Deactivated"} ${after.email}`,
  );
}

/** The user's own new password: clears the demo-password warning and ends their other sessions. */
export async function changeOwnPassword(id: number, password: string, ctx: ChangeContext) {
  const passwordHash = await hashPassword(password);
  return changeUser(
    id,
    { passwordHash, demoPassword: false, endSessions: true },
    ctx,
    "user.change-password",
    (_b, after) => `${after.email} changed their own password`,
  );
}
