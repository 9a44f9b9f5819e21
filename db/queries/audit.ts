import { and, desc, eq, lt } from "drizzle-orm";
import { db, type DB } from "@/db";
import { auditLog, type AuditEntry } from "@/db/schema";

export type NewAuditEntry = typeof auditLog.$inferInsert;

/** Inside `transaction()`: the entry is written, or rolled back, with the change it records. */
export function insertAuditEntryTx(tx: DB, entry: NewAuditEntry): void {
  tx.insert(auditLog).values(entry).run();
}

export async function insertAuditEntry(entry: NewAuditEntry): Promise<void> {
  insertAuditEntryTx(db, entry);
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * Newest first, keyset-paginated by id (ids grow with time): `before` is the last id of the
 * previous page. Returns one row more than `limit` so the caller knows whether a next page exists.
 */
export async function listAuditEntries(options: { before?: number; action?: string; limit?: number } = {}): Promise<{
  entries: AuditEntry[];
  nextBefore: number | null;
}> {
  const limit = Math.min(Math.max(options.limit ?? AUDIT_PAGE_SIZE, 1), 200);
  const conditions = [
    options.before && Number.isSafeInteger(options.before) ? lt(auditLog.id, options.before) : undefined,
    options.action ? eq(auditLog.action, options.action) : undefined,
  ].filter(Boolean);
  const rows = db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1)
    .all();
  const entries = rows.slice(0, limit);
  return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1].id : null };
}
