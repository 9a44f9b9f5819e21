import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { authors } from "@/db/schema";
import { preparedOnce } from "./prepared";

export type AuthorInfo = { id: number; name: string; slug: string; bio: string };

const columns = { id: authors.id, name: authors.name, slug: authors.slug, bio: authors.bio };
const bySlug = preparedOnce(() => db.select(columns).from(authors).where(eq(authors.slug, sql.placeholder("slug"))).prepare());
const byId = preparedOnce(() => db.select(columns).from(authors).where(eq(authors.id, sql.placeholder("id"))).prepare());

export async function getAuthorBySlug(slug: string): Promise<AuthorInfo | null> {
  return bySlug().get({ slug }) ?? null;
}

export async function getAuthorById(id: number): Promise<AuthorInfo | null> {
  return byId().get({ id }) ?? null;
}
