import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users, type User } from "@/db/schema";

export async function getUserByEmail(email: string): Promise<User | undefined> {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export async function getUserById(id: number): Promise<User | undefined> {
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  return db.select().from(users).where(eq(users.id, id)).get();
}
