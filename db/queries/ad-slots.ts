import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { db, transaction, type DB } from "@/db";
import { adSlots, adSlotTags, adStats, tags, type AdPlacement, type AdSlot } from "@/db/schema";
import type { PublicAdSlot } from "@/lib/ads/placement";
import { statsDay, statsWindowStart } from "@/lib/ads/schedule";
import { cacheTags } from "@/lib/cache-tags";
import { slugify } from "@/lib/slug";
import { preparedOnce } from "./prepared";

/**
 * Ad slots: the public reads that render them (cached per placement under `ads:<placement>`),
 * impression and click counting in daily buckets, and the admin's list and edits.
 */

/** Most slots read for one placement; far more than a page ever shows. */
const PUBLIC_SLOTS_LIMIT = 100;
/** The admin list is one page; an installation with more slots than this needs filters first. */
export const ADMIN_LIST_LIMIT = 500;

const at = sql.placeholder("now");
const activeSlots = preparedOnce(() =>
  db
    .select()
    .from(adSlots)
    .where(
      and(
        eq(adSlots.placement, sql.placeholder("placement")),
        eq(adSlots.active, true),
        or(isNull(adSlots.startsAt), lte(adSlots.startsAt, at)),
        or(isNull(adSlots.endsAt), gt(adSlots.endsAt, at)),
      ),
    )
    .orderBy(asc(adSlots.placementIndex), asc(adSlots.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

/** Active slots for a placement whose start/end window contains `now` (at most `limit`). */
export async function listActiveSlotsForPlacement(placement: AdPlacement, now: Date, limit = 10): Promise<AdSlot[]> {
  return activeSlots().all({ placement, now: now.getTime(), limit });
}

/**
 * Active slots of a placement that have not ended by `now`, including those not started yet:
 * the page decides at render time which are live, so a cached copy stays right until a start
 * or end passes. Plain JSON (times as epoch milliseconds) so it survives the data cache.
 */
export async function listPublicSlotsForPlacement(placement: AdPlacement, now: Date = new Date()): Promise<PublicAdSlot[]> {
  const rows = db
    .select({
      id: adSlots.id,
      key: adSlots.key,
      name: adSlots.name,
      placement: adSlots.placement,
      placementIndex: adSlots.placementIndex,
      width: adSlots.width,
      height: adSlots.height,
      creativeType: adSlots.creativeType,
      altText: adSlots.altText,
      active: adSlots.active,
      startsAt: adSlots.startsAt,
      endsAt: adSlots.endsAt,
      updatedAt: adSlots.updatedAt,
    })
    .from(adSlots)
    .where(and(eq(adSlots.placement, placement), eq(adSlots.active, true), or(isNull(adSlots.endsAt), gt(adSlots.endsAt, now))))
    .orderBy(asc(adSlots.id))
    .limit(PUBLIC_SLOTS_LIMIT)
    .all();
  const tagIds = await targetTagIds(rows.map((r) => r.id));
  return rows.map(({ updatedAt, startsAt, endsAt, ...r }) => ({
    ...r,
    startsAt: startsAt?.getTime() ?? null,
    endsAt: endsAt?.getTime() ?? null,
    version: updatedAt.getTime(),
    tagIds: tagIds.get(r.id) ?? [],
  }));
}

async function targetTagIds(slotIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (slotIds.length === 0) return out;
  const rows = db
    .select({ slotId: adSlotTags.slotId, tagId: adSlotTags.tagId })
    .from(adSlotTags)
    .where(inArray(adSlotTags.slotId, slotIds))
    .orderBy(adSlotTags.slotId, adSlotTags.tagId)
    .all();
  for (const { slotId, tagId } of rows) out.set(slotId, [...(out.get(slotId) ?? []), tagId]);
  return out;
}

/**
 * The cached read every public page renders ads from. Tagged `ads:<placement>`, so a page that
 * shows a placement is regenerated whenever a slot at that placement changes.
 */
export function getCachedPlacementSlots(placement: AdPlacement): Promise<PublicAdSlot[]> {
  return unstable_cache(() => listPublicSlotsForPlacement(placement), ["ad-slots", placement], {
    tags: [cacheTags.ads(placement)],
  })();
}

// ---------------------------------------------------------------------------------------------
// Counting

const slotByKey = preparedOnce(() =>
  db
    .select({ id: adSlots.id, creativeType: adSlots.creativeType, imageUrl: adSlots.imageUrl })
    .from(adSlots)
    .where(eq(adSlots.key, sql.placeholder("key")))
    .prepare(),
);

/** The id of the slot with this key, in any state; undefined when there is none. */
export function findAdSlotId(key: string): number | undefined {
  return slotByKey().get({ key })?.id;
}

/** The id and image of the image slot with this key, in any state; undefined for none (or HTML). */
export function findAdSlotImage(key: string): { id: number; imageUrl: string } | undefined {
  const slot = slotByKey().get({ key });
  return slot?.creativeType === "image" && slot.imageUrl ? { id: slot.id, imageUrl: slot.imageUrl } : undefined;
}

/**
 * Adds impressions counted in memory (lib/ads/impressions.ts) to their daily buckets, all in
 * one transaction. A slot deleted in the meantime takes its impressions with it.
 */
export function addAdImpressions(rows: readonly { slotId: number; day: string; impressions: number }[]): void {
  if (rows.length === 0) return;
  transaction((tx) => {
    for (const r of rows) {
      tx.run(sql`
        insert into ${adStats} (slot_id, day, impressions, clicks)
        select ${adSlots.id}, ${r.day}, ${r.impressions}, 0 from ${adSlots} where ${adSlots.id} = ${r.slotId}
        on conflict (slot_id, day) do update set impressions = impressions + excluded.impressions`);
    }
  });
}

/**
 * Counts one click in today's bucket and returns where to send the reader, or null when the key
 * is unknown or the slot has no link (an HTML creative links by itself).
 */
export async function recordAdClick(key: string, now: Date = new Date()): Promise<string | null> {
  const slot = db
    .select({ id: adSlots.id, linkUrl: adSlots.linkUrl, creativeType: adSlots.creativeType })
    .from(adSlots)
    .where(eq(adSlots.key, key))
    .get();
  if (!slot || slot.creativeType !== "image" || !slot.linkUrl) return null;
  db.insert(adStats)
    .values({ slotId: slot.id, day: statsDay(now), impressions: 0, clicks: 1 })
    .onConflictDoUpdate({ target: [adStats.slotId, adStats.day], set: { clicks: sql`${adStats.clicks} + 1` } })
    .run();
  return slot.linkUrl;
}

export type AdCounts = { impressions7: number; clicks7: number; impressions30: number; clicks30: number };

// ---------------------------------------------------------------------------------------------
// Admin

export type AdSlotListItem = AdSlot & AdCounts & { tagNames: string[] };

/** Every slot (up to ADMIN_LIST_LIMIT) with its counts for the last 7 and 30 days (UTC, today included). */
export async function listAdSlotsWithStats(now: Date = new Date()): Promise<AdSlotListItem[]> {
  const from7 = statsWindowStart(now, 7);
  const from30 = statsWindowStart(now, 30);
  // Correlated sums walk the (slot_id, day) primary key of ad_stats: one short range per slot.
  const sum = (column: "impressions" | "clicks", from: string) =>
    sql<number>`(select coalesce(sum(${sql.identifier(column)}), 0) from ${adStats} s where s.slot_id = ${adSlots.id} and s.day >= ${from})`;
  const rows = db
    .select({
      slot: adSlots,
      impressions7: sum("impressions", from7),
      clicks7: sum("clicks", from7),
      impressions30: sum("impressions", from30),
      clicks30: sum("clicks", from30),
    })
    .from(adSlots)
    .orderBy(asc(adSlots.placement), asc(adSlots.placementIndex), asc(adSlots.key))
    .limit(ADMIN_LIST_LIMIT)
    .all();
  const names = await targetTagNames(rows.map((r) => r.slot.id));
  return rows.map(({ slot, ...counts }) => ({
    ...slot,
    impressions7: Number(counts.impressions7),
    clicks7: Number(counts.clicks7),
    impressions30: Number(counts.impressions30),
    clicks30: Number(counts.clicks30),
    tagNames: names.get(slot.id) ?? [],
  }));
}

async function targetTagNames(slotIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (slotIds.length === 0) return out;
  const rows = db
    .select({ slotId: adSlotTags.slotId, name: tags.name })
    .from(adSlotTags)
    .innerJoin(tags, eq(tags.id, adSlotTags.tagId))
    .where(inArray(adSlotTags.slotId, slotIds))
    .orderBy(adSlotTags.slotId, tags.name)
    .all();
  for (const { slotId, name } of rows) out.set(slotId, [...(out.get(slotId) ?? []), name]);
  return out;
}

export async function getAdSlotById(id: number): Promise<(AdSlot & { tagNames: string[] }) | undefined> {
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  const slot = db.select().from(adSlots).where(eq(adSlots.id, id)).get();
  if (!slot) return undefined;
  return { ...slot, tagNames: (await targetTagNames([id])).get(id) ?? [] };
}

export async function getAdSlotByKey(key: string): Promise<AdSlot | undefined> {
  if (key.length === 0 || key.length > 64) return undefined;
  return db.select().from(adSlots).where(eq(adSlots.key, key)).get();
}

export async function getAdSlotCounts(id: number, now: Date = new Date()): Promise<AdCounts> {
  const from30 = statsWindowStart(now, 30);
  const from7 = statsWindowStart(now, 7);
  const rows = db
    .select({ day: adStats.day, impressions: adStats.impressions, clicks: adStats.clicks })
    .from(adStats)
    .where(and(eq(adStats.slotId, id), sql`${adStats.day} >= ${from30}`))
    .limit(400)
    .all();
  const counts: AdCounts = { impressions7: 0, clicks7: 0, impressions30: 0, clicks30: 0 };
  for (const r of rows) {
    counts.impressions30 += r.impressions;
    counts.clicks30 += r.clicks;
    if (r.day >= from7) {
      counts.impressions7 += r.impressions;
      counts.clicks7 += r.clicks;
    }
  }
  return counts;
}

/** Tags named in a targeting list, matched by slug (so case and punctuation do not matter). */
export async function findTargetTags(names: readonly string[]): Promise<{ found: { id: number; name: string }[]; missing: string[] }> {
  const bySlug = new Map(names.map((n) => [slugify(n), n]));
  bySlug.delete("");
  if (bySlug.size === 0) return { found: [], missing: names.filter((n) => slugify(n) === "") };
  const rows = db
    .select({ id: tags.id, name: tags.name, slug: tags.slug })
    .from(tags)
    .where(inArray(tags.slug, [...bySlug.keys()]))
    .limit(bySlug.size)
    .all();
  const foundSlugs = new Set(rows.map((r) => r.slug));
  return {
    found: rows.map(({ id, name }) => ({ id, name })),
    missing: names.filter((n) => !foundSlugs.has(slugify(n))),
  };
}

/** The stored fields of a slot, as the validated form gives them (targeting passed separately). */
export type AdSlotFields = Pick<
  AdSlot,
  | "key"
  | "name"
  | "placement"
  | "placementIndex"
  | "width"
  | "height"
  | "creativeType"
  | "imageUrl"
  | "linkUrl"
  | "altText"
  | "html"
  | "active"
  | "startsAt"
  | "endsAt"
>;

export type AdSlotWriteResult =
  | { ok: true; id: number; placements: AdPlacement[] }
  | { ok: false; reason: "duplicate-key" | "not-found" };

/** Runs inside the write's transaction (e.g. to record an audit entry), so both commit or neither. */
export type WriteHook = (tx: DB, slot: { id: number; key: string }) => void;

function keyTaken(tx: DB, key: string, exceptId?: number): boolean {
  const row = tx.select({ id: adSlots.id }).from(adSlots).where(eq(adSlots.key, key)).get();
  return Boolean(row && row.id !== exceptId);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && "code" in error && String((error as { code: unknown }).code).startsWith("SQLITE_CONSTRAINT");
}

function replaceTargeting(tx: DB, slotId: number, tagIds: readonly number[]): void {
  tx.delete(adSlotTags).where(eq(adSlotTags.slotId, slotId)).run();
  const unique = [...new Set(tagIds)];
  if (unique.length > 0) tx.insert(adSlotTags).values(unique.map((tagId) => ({ slotId, tagId }))).run();
}

/** Creates a slot and its targeting in one transaction; a taken key stores nothing. */
export async function createAdSlot(
  fields: AdSlotFields,
  tagIds: readonly number[],
  now: Date = new Date(),
  onWrite?: WriteHook,
): Promise<AdSlotWriteResult> {
  return answeringDuplicateKey(() =>
    transaction((tx) => {
      if (keyTaken(tx, fields.key)) return { ok: false, reason: "duplicate-key" } as const;
      const row = tx
        .insert(adSlots)
        .values({ ...fields, createdAt: now, updatedAt: now })
        .returning({ id: adSlots.id })
        .get();
      replaceTargeting(tx, row.id, tagIds);
      onWrite?.(tx, { id: row.id, key: fields.key });
      return { ok: true, id: row.id, placements: [fields.placement] } as const;
    }),
  );
}

/**
 * Updates a slot and replaces its targeting in one transaction. `placements` holds the old and
 * the new placement: pages at both must be regenerated.
 */
export async function updateAdSlot(
  id: number,
  fields: AdSlotFields,
  tagIds: readonly number[],
  now: Date = new Date(),
  onWrite?: WriteHook,
): Promise<AdSlotWriteResult> {
  return answeringDuplicateKey(() =>
    transaction((tx) => {
      const existing = tx.select({ placement: adSlots.placement }).from(adSlots).where(eq(adSlots.id, id)).get();
      if (!existing) return { ok: false, reason: "not-found" } as const;
      if (keyTaken(tx, fields.key, id)) return { ok: false, reason: "duplicate-key" } as const;
      // updatedAt must move forward even within one millisecond: it versions the creative's URL.
      tx.update(adSlots)
        .set({ ...fields, updatedAt: sql`max(${now.getTime()}, ${adSlots.updatedAt} + 1)` })
        .where(eq(adSlots.id, id))
        .run();
      replaceTargeting(tx, id, tagIds);
      onWrite?.(tx, { id, key: fields.key });
      return { ok: true, id, placements: [...new Set([existing.placement, fields.placement])] } as const;
    }),
  );
}

/**
 * Runs a slot write. The key check inside it and the unique index agree, except when two saves
 * race: the one that loses gets the same duplicate-key answer instead of an error.
 */
function answeringDuplicateKey(write: () => AdSlotWriteResult): AdSlotWriteResult {
  try {
    return write();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "duplicate-key" };
    throw error;
  }
}

/** Switches a slot on or off; returns its placement, or null for an unknown id. */
export async function setAdSlotActive(
  id: number,
  active: boolean,
  now: Date = new Date(),
  onWrite?: WriteHook,
): Promise<AdPlacement | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  return transaction((tx) => {
    const row = tx
      .update(adSlots)
      .set({ active, updatedAt: sql`max(${now.getTime()}, ${adSlots.updatedAt} + 1)` })
      .where(eq(adSlots.id, id))
      .returning({ placement: adSlots.placement, key: adSlots.key })
      .get();
    if (!row) return null;
    onWrite?.(tx, { id, key: row.key });
    return row.placement;
  });
}

/** Deletes a slot (its counts and targeting go with it); returns its placement, or null. */
export async function deleteAdSlot(id: number, onWrite?: WriteHook): Promise<AdPlacement | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  return transaction((tx) => {
    const row = tx.delete(adSlots).where(eq(adSlots.id, id)).returning({ placement: adSlots.placement, key: adSlots.key }).get();
    if (!row) return null;
    onWrite?.(tx, { id, key: row.key });
    return row.placement;
  });
}
