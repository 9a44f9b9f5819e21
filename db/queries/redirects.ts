import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { slugRedirects, type RedirectKind } from "@/db/schema";
import { preparedOnce } from "./prepared";

const target = preparedOnce(() =>
  db
    .select({ targetId: slugRedirects.targetId })
    .from(slugRedirects)
    .where(and(eq(slugRedirects.kind, sql.placeholder("kind")), eq(slugRedirects.fromSlug, sql.placeholder("fromSlug"))))
    .prepare(),
);

/** The id an old slug now points to, or null when the slug was never renamed away. */
export async function findRedirectTarget(kind: RedirectKind, fromSlug: string): Promise<number | null> {
  return target().get({ kind, fromSlug })?.targetId ?? null;
}
