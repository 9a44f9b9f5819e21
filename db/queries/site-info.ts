import { eq } from "drizzle-orm";
import { db } from "@/db";
import { siteSettings } from "@/db/schema";
import { env } from "@/lib/env";

export type PublicSettings = {
  siteName: string;
  description: string;
  /** Absolute origin without a trailing slash, e.g. `https://news.example.com`. */
  siteUrl: string;
  logoUrl: string;
  language: string;
};

/** The settings readers see; falls back to the environment before the first setup has run. */
export async function getSiteSettings(): Promise<PublicSettings> {
  const row = db.select().from(siteSettings).where(eq(siteSettings.id, 1)).get();
  return {
    siteName: row?.siteName || "Dateline",
    description: row?.description ?? "",
    siteUrl: (row?.siteUrl || env.SITE_URL).replace(/\/+$/, ""),
    logoUrl: row?.logoUrl ?? "",
    language: row?.language || "en",
  };
}
