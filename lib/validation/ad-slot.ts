import { z } from "zod";
import { readLocalInput, safeTimeZone, utcToLocalInput } from "@/lib/time/zoned-time";
// Types only: this module is also used by the admin form in the browser, which must not pull in
// the database schema. The label records below are checked against the schema's unions.
import type { AdCreativeType, AdPlacement } from "@/db/schema";

/**
 * One schema for an ad slot, shared by the admin form and its server actions. Input arrives as
 * form strings; the output is what the database stores.
 */
export const AD_KEY_PATTERN = /^[A-Z0-9_-]{1,64}$/;
export const AD_SIZE_MAX = 2000;
export const AD_HTML_MAX = 100_000;
/** Placements that take a position: after paragraph N, after list item N. */
export const INDEXED_PLACEMENTS: readonly AdPlacement[] = ["article-inline", "front-list"];

export const PLACEMENT_LABELS: Record<AdPlacement, string> = {
  "article-after-body": "Article: after the body",
  "article-after-tags": "Article: after the tags",
  "article-inline": "Article: after paragraph N",
  "front-top": "Front page: top",
  "front-list": "Front page: after list item N",
  "tag-top": "Tag page: top",
  sidebar: "Sidebar",
};

/** Every placement, in the order the admin offers them (exactly the schema's, by type). */
export const PLACEMENT_VALUES = Object.keys(PLACEMENT_LABELS) as [AdPlacement, ...AdPlacement[]];

const CREATIVE_TYPE_LABELS: Record<AdCreativeType, string> = { image: "Image and link", html: "HTML / script code" };
const CREATIVE_TYPE_VALUES = Object.keys(CREATIVE_TYPE_LABELS) as [AdCreativeType, ...AdCreativeType[]];

export function isValidAdKey(key: string): boolean {
  return AD_KEY_PATTERN.test(key);
}

/** An absolute http(s) URL: the only kind a reader may be sent to. */
export function isHttpUrl(value: string): boolean {
  if (value.length > 2048) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Image sources: absolute http(s), or a path on this site (an uploaded creative). */
export function isImageSource(value: string): boolean {
  if (value.startsWith("/")) {
    return !value.startsWith("//") && !value.startsWith("/\\") && value.length <= 1024 && !/[\s"'<>\\]/.test(value);
  }
  return isHttpUrl(value);
}

const trimmed = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

const size = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label} in pixels.`)
    .regex(/^\d+$/, `The ${label} must be a whole number of pixels.`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= AD_SIZE_MAX, `The ${label} must be between 1 and ${AD_SIZE_MAX} pixels.`);

/** `YYYY-MM-DDTHH:mm` as a datetime-local field sends it, in the editor's zone; empty means none. */
const localDateTime = z.string().trim().max(40, "Enter a date and time like 2025-07-11T09:30.");

type WindowEdge = { date: Date | null; error?: string };

/** A window edge typed in `zone` → the UTC instant the database stores, or why it cannot be. */
export function readWindowEdge(text: string, zone: string): WindowEdge {
  if (text === "") return { date: null };
  const value = text.replace(" ", "T");
  const reading = readLocalInput(value, zone);
  if (!reading.ok && reading.reason === "skipped") {
    const [day, time] = value.split("T");
    const later = utcToLocalInput(reading.date, zone).split("T")[1];
    return { date: null, error: `${time} on ${day} does not exist in ${zone}: the clocks go forward then. Choose ${later} or another time.` };
  }
  const year = Number(value.slice(0, 4));
  if (!reading.ok || year < 2000 || year > 2999) return { date: null, error: "Enter a date and time like 2025-07-11T09:30." };
  return { date: reading.date };
}

/** A stored window edge as the editor's form shows it. */
export function windowEdgeInput(date: Date | null | undefined, zone: string): string {
  return date ? utcToLocalInput(date, zone) : "";
}

/** Tag names, separated by commas; empty means the slot is shown everywhere its placement is. */
const tagList = z
  .string()
  .max(5000, "Too many tags.")
  .transform((s) => [...new Set(s.split(",").map((t) => t.trim()).filter(Boolean))])
  .refine((names) => names.length <= 100, "Target at most 100 tags.");

export const adSlotSchema = z
  .object({
    key: z
      .string()
      .trim()
      .min(1, "Enter a key.")
      .max(64, "A key has at most 64 characters.")
      .regex(AD_KEY_PATTERN, "Use capital letters A–Z, digits, _ and - only (e.g. YYYYYYYYYY)."),
    name: trimmed(120).min(1, "Enter a name."),
    placement: z.enum(PLACEMENT_VALUES, "Choose a placement."),
    placementIndex: z.string().trim().max(6).default(""),
    width: size("width"),
    height: size("height"),
    creativeType: z.enum(CREATIVE_TYPE_VALUES, "Choose an image or HTML creative."),
    imageUrl: trimmed(1024).default(""),
    linkUrl: trimmed(2048).default(""),
    altText: trimmed(300).default(""),
    html: z.string().max(AD_HTML_MAX, `The code may be at most ${AD_HTML_MAX.toLocaleString("en")} characters.`).default(""),
    active: z
      .union([z.literal("on"), z.literal("true"), z.literal(""), z.literal("false")])
      .optional()
      .transform((v) => v === "on" || v === "true"),
    startsAt: localDateTime.prefault(""),
    endsAt: localDateTime.prefault(""),
    /** The zone the editor typed the window in (the browser's). */
    timeZone: z.string().prefault("UTC").transform(safeTimeZone),
    tags: tagList.prefault(""),
  })
  .superRefine((v, ctx) => {
    if (INDEXED_PLACEMENTS.includes(v.placement)) {
      const n = Number(v.placementIndex);
      if (!/^\d+$/.test(v.placementIndex) || n < 1 || n > 1000) {
        ctx.addIssue({
          code: "custom",
          path: ["placementIndex"],
          message:
            v.placement === "article-inline"
              ? "Enter the paragraph the ad follows (1 or more)."
              : "Enter the list item the ad follows (1 or more).",
        });
      }
    }
    if (v.creativeType === "image") {
      if (!v.imageUrl) ctx.addIssue({ code: "custom", path: ["imageUrl"], message: "Upload an image or enter its URL." });
      else if (!isImageSource(v.imageUrl))
        ctx.addIssue({ code: "custom", path: ["imageUrl"], message: "The image URL must start with http:// or https://." });
      if (!v.linkUrl) ctx.addIssue({ code: "custom", path: ["linkUrl"], message: "Enter the link readers go to." });
      else if (!isHttpUrl(v.linkUrl))
        ctx.addIssue({ code: "custom", path: ["linkUrl"], message: "The link must start with http:// or https://." });
      if (!v.altText) ctx.addIssue({ code: "custom", path: ["altText"], message: "Describe the image for readers who cannot see it." });
    } else if (v.html.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["html"], message: "Paste the ad code." });
    }
    const starts = readWindowEdge(v.startsAt, v.timeZone);
    const ends = readWindowEdge(v.endsAt, v.timeZone);
    if (starts.error) ctx.addIssue({ code: "custom", path: ["startsAt"], message: starts.error });
    if (ends.error) ctx.addIssue({ code: "custom", path: ["endsAt"], message: ends.error });
    if (starts.date && ends.date && ends.date.getTime() <= starts.date.getTime()) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start." });
    }
  })
  .transform((v) => {
    const image = v.creativeType === "image";
    return {
      key: v.key,
      name: v.name,
      placement: v.placement,
      placementIndex: INDEXED_PLACEMENTS.includes(v.placement) ? Number(v.placementIndex) : null,
      width: v.width,
      height: v.height,
      creativeType: v.creativeType,
      // Only the fields of the chosen creative are kept, so a switched type leaves nothing stale.
      imageUrl: image ? v.imageUrl : null,
      linkUrl: image ? v.linkUrl : null,
      altText: image ? v.altText : "",
      html: image ? null : v.html,
      active: v.active,
      startsAt: readWindowEdge(v.startsAt, v.timeZone).date,
      endsAt: readWindowEdge(v.endsAt, v.timeZone).date,
      tags: v.tags,
    };
  });

export type AdSlotInput = z.input<typeof adSlotSchema>;
export type AdSlotData = z.output<typeof adSlotSchema>;

/** The form's string fields, as the editor typed them (kept on a failed save). */
export type AdSlotFormValues = {
  [K in keyof AdSlotInput]?: string;
};
