"use server";

import { revalidatePath } from "next/cache";
import { transaction } from "@/db";
import { updateSettingsTx, type SettingsChange } from "@/db/queries/settings";
import { fieldErrors, type ActionState } from "@/lib/actions";
import { recordAuditTx, requestIp } from "@/lib/audit";
import { withRole } from "@/lib/auth/guards";
import { cacheTags } from "@/lib/cache-tags";
import { expireTags } from "@/lib/revalidate";
import { saveLogo } from "@/lib/site-logo";
import { adsTxtSchema, siteSettingsSchema } from "@/lib/validation/settings";

export type SiteSettingsState = ActionState<{ siteName: string; description: string; siteUrl: string; logoUrl: string; logoFile: string }>;
export type AdsTxtState = ActionState<{ adsTxt: string }>;

const FIELD_LABELS: Record<string, string> = {
  siteName: "site name",
  description: "description",
  siteUrl: "site URL",
  logoUrl: "logo",
  adsTxt: "ads.txt",
};

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Saves the change with its audit entry in one transaction; the names of the fields that changed. */
function save(change: SettingsChange, user: { id: number; email: string }, ip: string): string[] {
  return transaction((tx) => {
    const { before, after } = updateSettingsTx(tx, change);
    const changed = (Object.keys(change) as (keyof SettingsChange)[]).filter((k) => before[k] !== after[k]);
    recordAuditTx(tx, {
      user,
      action: "settings.update",
      entityType: "settings",
      entityId: 1,
      summary: changed.length ? `Changed ${changed.map((k) => FIELD_LABELS[k]).join(", ")}` : "Saved without changes",
      ip,
    });
    return changed;
  });
}

export const updateSiteSettingsAction = withRole(
  "admin",
  async (admin, _prev: SiteSettingsState, formData: FormData): Promise<SiteSettingsState> => {
    const values = {
      siteName: text(formData, "siteName"),
      description: text(formData, "description"),
      siteUrl: text(formData, "siteUrl"),
      logoUrl: text(formData, "logoUrl"),
    };
    const parsed = siteSettingsSchema.safeParse(values);
    const errors: SiteSettingsState["errors"] = parsed.success ? {} : fieldErrors(parsed.error);

    // An uploaded file wins over the URL field; it is stored only when the rest is valid.
    const file = formData.get("logoFile");
    let logoUrl = parsed.success ? parsed.data.logoUrl : values.logoUrl;
    if (parsed.success && file instanceof File && file.size > 0) {
      const saved = await saveLogo(file);
      if ("error" in saved) errors.logoFile = [saved.error];
      else logoUrl = saved.url;
    }
    if (!parsed.success || Object.keys(errors).length > 0) {
      return { message: "Check the highlighted fields. Nothing was saved.", errors, values };
    }

    const changed = save({ ...parsed.data, logoUrl }, admin, await requestIp());
    if (changed.length) {
      // Name, description, URL and logo appear in every page's masthead and metadata.
      expireTags([cacheTags.settings]);
      revalidatePath("/", "layout");
    }
    return {
      ok: true,
      message: changed.length ? "Settings saved. The public site shows them now." : "Nothing changed.",
      values: { ...parsed.data, logoUrl },
    };
  },
);

export const updateAdsTxtAction = withRole(
  "editor",
  async (user, _prev: AdsTxtState, formData: FormData): Promise<AdsTxtState> => {
    const values = { adsTxt: text(formData, "adsTxt") };
    const parsed = adsTxtSchema.safeParse(values);
    if (!parsed.success) {
      return { message: "ads.txt has problems. Nothing was saved.", errors: fieldErrors(parsed.error), values };
    }
    const changed = save({ adsTxt: parsed.data.adsTxt }, user, await requestIp());
    if (changed.length) {
      expireTags([cacheTags.settings]);
      revalidatePath("/ads.txt");
    }
    return {
      ok: true,
      message: changed.length ? "ads.txt saved. /ads.txt serves it now." : "Nothing changed.",
      values: { adsTxt: parsed.data.adsTxt },
    };
  },
);
