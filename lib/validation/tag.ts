import { z } from "zod";
import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugify } from "@/lib/slug";

export const TAG_LIMITS = { name: 80, description: 1000 } as const;

/** A tag as editors write it; an empty slug is generated from the name. */
export const tagSchema = z.object({
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .transform((s) => s.replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .min(1, "Enter a name.")
        .max(TAG_LIMITS.name, `The name is at most ${TAG_LIMITS.name} characters.`)
        .refine((s) => slugify(s) !== "", { message: "The name needs at least one letter or digit." }),
    ),
  slug: z
    .string()
    .trim()
    .max(SLUG_MAX_LENGTH, `The slug is at most ${SLUG_MAX_LENGTH} characters.`)
    .refine((s) => s === "" || SLUG_PATTERN.test(s), {
      message: "Use lowercase letters (a–z), digits and single dashes between words, e.g. foreign-policy.",
    })
    .default(""),
  description: z
    .string()
    .trim()
    .max(TAG_LIMITS.description, `The description is at most ${TAG_LIMITS.description} characters.`)
    .default(""),
});

export const createTagSchema = tagSchema;
export const updateTagSchema = tagSchema.extend({ id: z.coerce.number().int().positive() });

/** Merging names the surviving tag by name or slug (typed with autocomplete). */
export const mergeTagSchema = z.object({
  id: z.coerce.number().int().positive(),
  target: z
    .string({ error: "Name the tag to merge into." })
    .trim()
    .min(1, "Name the tag to merge into.")
    .max(TAG_LIMITS.name, "Name the tag to merge into."),
});

export type TagInput = z.output<typeof tagSchema>;
