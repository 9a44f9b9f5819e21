import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { revisions, users, type Revision } from "@/db/schema";

export type RevisionSummary = Pick<Revision, "id" | "version" | "title" | "status" | "createdAt"> & { userName: string | null };

/** The article's revisions, newest first (bounded). */
export async function listRevisions(articleId: number, limit = 100): Promise<RevisionSummary[]> {
  return db
    .select({
      id: revisions.id,
      version: revisions.version,
      title: revisions.title,
      status: revisions.status,
      createdAt: revisions.createdAt,
      userName: users.name,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.userId))
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.id))
    .limit(limit)
    .all();
}

/** One revision of one article (null when the id belongs to another article). */
export async function getRevision(articleId: number, revisionId: number): Promise<(Revision & { userName: string | null }) | null> {
  if (!Number.isSafeInteger(revisionId) || revisionId < 1) return null;
  const row = db
    .select({ revision: revisions, userName: users.name })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.userId))
    .where(and(eq(revisions.id, revisionId), eq(revisions.articleId, articleId)))
    .get();
  return row ? { ...row.revision, userName: row.userName } : null;
}

export function revisionTagNames(revision: Pick<Revision, "tags">): string[] {
  try {
    const value: unknown = JSON.parse(revision.tags);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
