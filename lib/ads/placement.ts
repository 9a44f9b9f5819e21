import type { AdCreativeType, AdPlacement } from "@/db/schema";
import { isAdLive, nextScheduleChange } from "./schedule";

/**
 * Which ad slots go where on a given page. Pure: it takes the slots (as read from the cache),
 * the page's context and the current time, and answers per position. Pages and components do
 * no filtering of their own, so the rules live (and are tested) here.
 */

/** What a public page needs to render a slot: no ad code, link target or image (all served by routes). */
export type PublicAdSlot = {
  id: number;
  key: string;
  name: string;
  placement: AdPlacement;
  placementIndex: number | null;
  width: number;
  height: number;
  creativeType: AdCreativeType;
  altText: string;
  active: boolean;
  startsAt: number | null;
  endsAt: number | null;
  /** Changes on every edit: versions the creative's URL so browsers never show a stale one. */
  version: number;
  /** Tag targeting: empty means "everywhere the placement exists". */
  tagIds: number[];
};

export type PageKind = "article" | "front" | "tag";

/** The placements each kind of page has. */
export const PAGE_PLACEMENTS: Record<PageKind, readonly AdPlacement[]> = {
  article: ["article-after-body", "article-after-tags", "article-inline", "sidebar"],
  front: ["front-top", "front-list", "sidebar"],
  tag: ["tag-top", "sidebar"],
};

/** A position holding more than this many slots shows the first ones only (targeted first). */
export const MAX_SLOTS_PER_POSITION = 3;

export type PageContext = {
  kind: PageKind;
  /** Tags of the article, or the tag of a tag page; empty on the front page. */
  tagIds?: readonly number[];
  /** Top-level paragraphs in the article body (for `article-inline`). */
  paragraphCount?: number;
  /** Items in the front page list (for `front-list`). */
  listLength?: number;
};

/** A slot targeted at tags shows only on pages that carry at least one of them. */
export function matchesTargeting(slot: Pick<PublicAdSlot, "tagIds">, pageTagIds: readonly number[]): boolean {
  if (slot.tagIds.length === 0) return true;
  const page = new Set(pageTagIds);
  return slot.tagIds.some((id) => page.has(id));
}

function indexLimit(placement: AdPlacement, context: PageContext): number | null {
  if (placement === "article-inline") return context.paragraphCount ?? 0;
  if (placement === "front-list") return context.listLength ?? 0;
  return null;
}

export type ResolvedAds = {
  /** Slots at a placement that has one position on the page. */
  at(placement: AdPlacement): PublicAdSlot[];
  /** Slots after paragraph / list item `index` (1-based) of an indexed placement. */
  after(placement: "article-inline" | "front-list", index: number): PublicAdSlot[];
  /** Positions (1-based) of an indexed placement that hold at least one slot, ascending. */
  indexes(placement: "article-inline" | "front-list"): number[];
  /** Every slot that renders, in page order per placement. */
  all: PublicAdSlot[];
};

function positionKey(placement: AdPlacement, index: number | null): string {
  return index === null ? placement : `${placement}#${index}`;
}

/**
 * Resolves the slots that render on a page. A slot renders when it is live at `now` (active and
 * inside its window), its placement exists on this kind of page, its position exists (paragraph
 * or item N is within the body or list), and its tag targeting matches the page. At each
 * position, targeted slots come before untargeted ones, then by id; at most
 * MAX_SLOTS_PER_POSITION render.
 */
export function resolveAds(slots: readonly PublicAdSlot[], context: PageContext, now: Date): ResolvedAds {
  const allowed = new Set(PAGE_PLACEMENTS[context.kind]);
  const pageTags = context.tagIds ?? [];
  const positions = new Map<string, PublicAdSlot[]>();
  const seen = new Set<number>();
  for (const slot of slots) {
    if (seen.has(slot.id)) continue;
    seen.add(slot.id);
    if (!allowed.has(slot.placement) || !isAdLive(slot, now) || !matchesTargeting(slot, pageTags)) continue;
    const limit = indexLimit(slot.placement, context);
    let index: number | null = null;
    if (limit !== null) {
      index = slot.placementIndex;
      if (index === null || !Number.isInteger(index) || index < 1 || index > limit) continue;
    }
    const key = positionKey(slot.placement, index);
    const list = positions.get(key) ?? [];
    list.push(slot);
    positions.set(key, list);
  }
  for (const [key, list] of positions) {
    list.sort((a, b) => Number(b.tagIds.length > 0) - Number(a.tagIds.length > 0) || a.id - b.id);
    positions.set(key, list.slice(0, MAX_SLOTS_PER_POSITION));
  }
  const order = PAGE_PLACEMENTS[context.kind];
  const all = [...positions.entries()]
    .sort(([a], [b]) => {
      const [pa, ia = "0"] = a.split("#");
      const [pb, ib = "0"] = b.split("#");
      return order.indexOf(pa as AdPlacement) - order.indexOf(pb as AdPlacement) || Number(ia) - Number(ib);
    })
    .flatMap(([, list]) => list);
  return {
    at: (placement) => positions.get(positionKey(placement, null)) ?? [],
    after: (placement, index) => positions.get(positionKey(placement, index)) ?? [],
    indexes: (placement) =>
      [...positions.keys()]
        .filter((k) => k.startsWith(`${placement}#`))
        .map((k) => Number(k.slice(placement.length + 1)))
        .sort((a, b) => a - b),
    all,
  };
}

/**
 * Seconds until the next start or end among these slots (at least 1), or null if none is
 * coming: a cached page showing them must be regenerated by then to stay truthful.
 */
export function secondsUntilScheduleChange(slots: readonly PublicAdSlot[], now: Date): number | null {
  const next = nextScheduleChange(slots, now);
  if (!next) return null;
  return Math.max(1, Math.ceil((next.getTime() - now.getTime()) / 1000));
}
