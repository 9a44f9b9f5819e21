import { eq } from "drizzle-orm";
import { db, type DB } from "@/db";
import { siteSettings, type SiteSettings } from "@/db/schema";
import { env } from "@/lib/env";
import { preparedOnce } from "./prepared";

const settingsRow = preparedOnce(() => db.select().from(siteSettings).where(eq(siteSettings.id, 1)).prepare());

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
  const row = settingsRow().get();
  return {
    siteName: row?.siteName || "Dateline",
    description: row?.description ?? "",
    siteUrl: (row?.siteUrl || env.SITE_URL).replace(/\/+$/, ""),
    logoUrl: row?.logoUrl ?? "",
    language: row?.language || "en",
  };
}

/** The settings row as the admin form edits it; undefined before the first setup. */
export async function getSettingsForEdit(): Promise<SiteSettings | undefined> {
  return settingsRow().get();
}

/** The text served at /ads.txt. */
export async function getAdsTxt(): Promise<string> {
  return settingsRow().get()?.adsTxt ?? "";
}

export type SettingsChange = Partial<Pick<SiteSettings, "siteName" | "description" | "siteUrl" | "logoUrl" | "adsTxt">>;

/** Inside `transaction()`: the row before and after the change (created first if missing). */
export function updateSettingsTx(tx: DB, change: SettingsChange): { before: SiteSettings; after: SiteSettings } {
  tx.insert(siteSettings)
    .values({ id: 1, siteName: "Dateline", siteUrl: env.SITE_URL })
    .onConflictDoNothing()
    .run();
  const before = tx.select().from(siteSettings).where(eq(siteSettings.id, 1)).get()!;
  const after = tx
    .update(siteSettings)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(siteSettings.id, 1))
    .returning()
    .get();
  return { before, after };
}
