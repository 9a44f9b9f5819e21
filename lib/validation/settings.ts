import { z } from "zod";
import { adsTxtProblems, formatAdsTxtProblem, normalizeAdsTxt } from "@/lib/ads-txt";

/** Uploaded logos; checked in the browser first, then again on the server. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

/** An absolute http(s) URL, or a path on this site (`/logo/…`); empty means none. */
const logoUrlSchema = z
  .string()
  .trim()
  .max(500, "Use at most 500 characters.")
  .refine(
    (v) => v === "" || (/^\/(?![/\\])/.test(v) && !/\s/.test(v)) || /^https?:\/\/[^\s/]+/i.test(v),
    "Use an address starting with https://, or a path on this site starting with /.",
  );

export const siteSettingsSchema = z.object({
  siteName: z.string().trim().min(1, "Enter the site's name.").max(80, "Use at most 80 characters."),
  description: z.string().trim().max(300, "Use at most 300 characters."),
  siteUrl: z
    .string()
    .trim()
    .min(1, "Enter the site's public address.")
    .max(200, "Use at most 200 characters.")
    .pipe(z.url({ protocol: /^https?$/, message: "Enter an address starting with https:// or http://." }))
    .transform((v) => v.replace(/\/+$/, "")),
  logoUrl: logoUrlSchema,
});

export const adsTxtSchema = z.object({
  adsTxt: z
    .string()
    .transform(normalizeAdsTxt)
    .superRefine((text, ctx) => {
      for (const problem of adsTxtProblems(text)) {
        ctx.addIssue({ code: "custom", message: formatAdsTxtProblem(problem) });
      }
    }),
});

export type SiteSettingsInput = z.infer<typeof siteSettingsSchema>;
