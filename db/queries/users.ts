import { and, asc, count, eq, sql } from "drizzle-orm";
import { db, type DB } from "@/db";
import { users, type NewUser, type User } from "@/db/schema";

export async function getUserByEmail(email: string): Promise<User | undefined> {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export async function getUserById(id: number): Promise<User | undefined> {
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  return db.select().from(users).where(eq(users.id, id)).get();
}

export type UserListItem = Pick<User, "id" | "email" | "name" | "role" | "active" | "demoPassword" | "createdAt">;

export const USER_LIST_LIMIT = 500;

/** Everyone with an account, active first, then by name; a newsroom has dozens, not thousands. */
export async function listUsers(limit = USER_LIST_LIMIT): Promise<UserListItem[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      demoPassword: users.demoPassword,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(sql`${users.active} desc`, asc(users.name), asc(users.id))
    .limit(limit)
    .all();
}

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email already exists.");
  }
}

/** Inside `transaction()`. Throws EmailTakenError when the email is in use. */
export function insertUserTx(tx: DB, values: Omit<NewUser, "id">): User {
  const taken = tx.select({ id: users.id }).from(users).where(eq(users.email, values.email)).get();
  if (taken) throw new EmailTakenError();
  return tx.insert(users).values(values).returning().get();
}

export type UserChange = Partial<Pick<User, "name" | "role" | "active" | "passwordHash" | "demoPassword">> & {
  /** Ends every session issued before this change (password change, deactivation). */
  endSessions?: boolean;
};

/** Inside `transaction()`; the row after the change, or undefined for an unknown id. */
export function updateUserTx(tx: DB, id: number, change: UserChange): User | undefined {
  const { endSessions, ...set } = change;
  return tx
    .update(users)
    .set({
      ...set,
      updatedAt: new Date(),
      ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
    })
    .where(eq(users.id, id))
    .returning()
    .get();
}

export function countActiveAdminsTx(tx: DB): number {
  return tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)))
    .get()!.n;
}
