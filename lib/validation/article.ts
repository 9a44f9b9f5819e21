import { z } from "zod";
import { localInputToUtc, safeTimeZone } from "@/lib/time/zoned-time";
import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugify } from "@/lib/slug";

/** Limits shared by the editor form (counters, hints) and the server (refusals). */
export const ARTICLE_LIMITS = {
  title: 255,
  dek: 400,
  /** Markdown source, in bytes (UTF-8). */
  bodyBytes: 200 * 1024,
  /** Search engines cut titles and descriptions around these lengths: a hint, not a refusal. */
  seoTitleHint: 70,
  seoDescriptionHint: 160,
  seoTitle: 200,
  seoDescription: 400,
  heroAlt: 300,
  heroCaption: 500,
  tags: 50,
  tagName: 80,
} as const;

export const ARTICLE_INTENTS = ["save", "publish", "schedule", "unpublish"] as const;
export type ArticleIntent = (typeof ARTICLE_INTENTS)[number];

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** A tag chosen in the form: an existing tag by id (`id:12`) or a new one by name (`new:Name`). */
export type TagRef = { kind: "id"; id: number } | { kind: "new"; name: string };

const tagRefSchema = z.string().transform((value, ctx): TagRef => {
  const idMatch = /^id:(\d{1,12})$/.exec(value);
  if (idMatch) return { kind: "id", id: Number(idMatch[1]) };
  const name = value.startsWith("new:") ? value.slice(4).trim().replace(/\s+/g, " ") : "";
  if (!name || !slugify(name)) {
    ctx.addIssue({ code: "custom", message: `“${value.slice(0, 40)}” is not a tag: names need a letter or digit.` });
    return z.NEVER;
  }
  if (name.length > ARTICLE_LIMITS.tagName) {
    ctx.addIssue({ code: "custom", message: `Tag names are at most ${ARTICLE_LIMITS.tagName} characters.` });
    return z.NEVER;
  }
  return { kind: "new", name };
});

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters.`)
    .default("");

/** The article as the editor writes it: one schema for the form and the server. */
export const articleSchema = z.object({
  title: z
    .string({ error: "Enter a title." })
    .trim()
    .min(1, "Enter a title.")
    .max(ARTICLE_LIMITS.title, `The title is at most ${ARTICLE_LIMITS.title} characters.`),
  /** Empty: generated from the title. */
  slug: z
    .string()
    .trim()
    .max(SLUG_MAX_LENGTH, `The slug is at most ${SLUG_MAX_LENGTH} characters.`)
    .refine((s) => s === "" || SLUG_PATTERN.test(s), {
      message: "Use lowercase letters (a–z), digits and single dashes between words, e.g. budget-vote-delayed.",
    })
    .default(""),
  dek: optionalText(ARTICLE_LIMITS.dek, "The standfirst"),
  body: z
    .string()
    .default("")
    .transform((s) => s.replace(/\r\n?/g, "\n"))
    .superRefine((s, ctx) => {
      const bytes = utf8Length(s);
      if (bytes > ARTICLE_LIMITS.bodyBytes) {
        ctx.addIssue({
          code: "custom",
          message: `The body is ${formatBytes(bytes)}; the limit is ${formatBytes(ARTICLE_LIMITS.bodyBytes)}. Split it or trim it.`,
        });
      }
    }),
  tags: z
    .array(tagRefSchema)
    .max(ARTICLE_LIMITS.tags, `At most ${ARTICLE_LIMITS.tags} tags.`)
    .default([])
    .transform(dedupeTags),
  authorId: z.coerce
    .number({ error: "Choose an author." })
    .int("Choose an author.")
    .positive("Choose an author."),
  heroAlt: optionalText(ARTICLE_LIMITS.heroAlt, "The alt text"),
  heroCaption: optionalText(ARTICLE_LIMITS.heroCaption, "The caption"),
  /** `on` when the editor removes the current hero image. */
  removeHero: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
  seoTitle: optionalText(ARTICLE_LIMITS.seoTitle, "The SEO title"),
  seoDescription: optionalText(ARTICLE_LIMITS.seoDescription, "The SEO description"),
  intent: z.enum(ARTICLE_INTENTS, { error: "Unknown action." }).default("save"),
  /** `datetime-local` text in `timeZone`; read only when scheduling. */
  publishAt: z.string().trim().max(40).default(""),
  timeZone: z.string().default("UTC").transform(safeTimeZone),
});

export const createArticleSchema = articleSchema;

/** An edit carries the version the editor started from, for the conflict check. */
export const updateArticleSchema = articleSchema.extend({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number({ error: "Reload the article: its version is missing." }).int().positive(),
});

export type ArticleInput = z.output<typeof articleSchema>;
export type UpdateArticleInput = z.output<typeof updateArticleSchema>;

/** UTF-8 size without encoding the text (works in the browser and on the server). */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function dedupeTags(refs: TagRef[]): TagRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = r.kind === "id" ? `id:${r.id}` : `slug:${slugify(r.name)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Raw form data → the object the schemas read (repeated `tags` fields become an array). */
export function articleFormInput(formData: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && key !== "tags") input[key] = value;
  }
  input.tags = formData.getAll("tags").filter((v): v is string => typeof v === "string" && v !== "");
  return input;
}

export type ArticleRules = {
  now: Date;
  /** The article will have a hero image after this save (kept or newly uploaded). */
  hasHeroImage: boolean;
};

/**
 * Checks that need more than one field or the clock: a scheduled time in the future, alt text
 * whenever an image is set. Returns errors per field (empty when fine) and the UTC publish time.
 */
export function checkArticleRules(
  input: ArticleInput,
  rules: ArticleRules,
): { errors: Record<string, string[]>; publishAt: Date | null } {
  const errors: Record<string, string[]> = {};
  let publishAt: Date | null = null;
  if (input.publishAt) {
    publishAt = localInputToUtc(input.publishAt, input.timeZone);
    if (!publishAt) errors.publishAt = ["Enter a real date and time, e.g. 2030-01-31 09:00."];
  }
  if (input.intent === "schedule") {
    if (!input.publishAt) errors.publishAt = ["Choose when to publish."];
    else if (publishAt && publishAt.getTime() <= rules.now.getTime()) {
      errors.publishAt = ["Choose a time in the future, or publish now."];
    }
  }
  if (rules.hasHeroImage && !input.heroAlt) {
    errors.heroAlt = ["Describe the image for readers who cannot see it (alt text is required)."];
  }
  return { errors, publishAt };
}
