import { and, inArray, isNull, lt, or, sql, eq } from "drizzle-orm";
import { db, transaction } from "@/db";
import { rateLimits } from "@/db/schema";

export type RateLimitRow = typeof rateLimits.$inferSelect;

export async function getRateLimits(keys: string[]): Promise<RateLimitRow[]> {
  if (keys.length === 0) return [];
  return db.select().from(rateLimits).where(inArray(rateLimits.key, keys)).limit(keys.length).all();
}

/**
 * Read-modify-write of several counters in one write transaction, so concurrent failures from
 * many requests are all counted. `next` receives the current row (or undefined) and returns the
 * new one.
 */
export async function updateRateLimits(
  keys: string[],
  next: (key: string, row: RateLimitRow | undefined) => RateLimitRow,
): Promise<RateLimitRow[]> {
  return transaction((tx) =>
    keys.map((key) => {
      const current = tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
      const row = next(key, current);
      tx.insert(rateLimits)
        .values(row)
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: { count: row.count, windowStart: row.windowStart, blockedUntil: row.blockedUntil },
        })
        .run();
      return row;
    }),
  );
}

export async function clearRateLimit(key: string): Promise<void> {
  db.delete(rateLimits).where(eq(rateLimits.key, key)).run();
}

/** Forgets up to `limit` counters whose window began before `before` and that block nothing now. */
export async function pruneRateLimits(before: Date, now: Date, limit = 100): Promise<void> {
  const stale = db
    .select({ key: rateLimits.key })
    .from(rateLimits)
    .where(
      and(
        lt(rateLimits.windowStart, before),
        or(isNull(rateLimits.blockedUntil), lt(rateLimits.blockedUntil, now)),
      ),
    )
    .limit(limit);
  db.delete(rateLimits).where(inArray(rateLimits.key, sql`${stale}`)).run();
}
