import { eq } from "drizzle-orm";
import { db } from "@/db";
import { authors } from "@/db/schema";

export type AuthorInfo = { id: number; name: string; slug: string; bio: string };

const columns = { id: authors.id, name: authors.name, slug: authors.slug, bio: authors.bio };

export async function getAuthorBySlug(slug: string): Promise<AuthorInfo | null> {
  return db.select(columns).from(authors).where(eq(authors.slug, slug)).get() ?? null;
}

export async function getAuthorById(id: number): Promise<AuthorInfo | null> {
  return db.select(columns).from(authors).where(eq(authors.id, id)).get() ?? null;
}
