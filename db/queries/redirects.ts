import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { slugRedirects, type RedirectKind } from "@/db/schema";

/** The id an old slug now points to, or null when the slug was never renamed away. */
export async function findRedirectTarget(kind: RedirectKind, fromSlug: string): Promise<number | null> {
  const row = db
    .select({ targetId: slugRedirects.targetId })
    .from(slugRedirects)
    .where(and(eq(slugRedirects.kind, kind), eq(slugRedirects.fromSlug, fromSlug)))
    .get();
  return row?.targetId ?? null;
}
