"use server";

import { notFound, redirect } from "next/navigation";
import { createAdSlot, deleteAdSlot, findTargetTags, setAdSlotActive, updateAdSlot } from "@/db/queries/ad-slots";
import { fieldErrors, formValues, type ActionState } from "@/lib/actions";
import { recordAuditTx, requestIp } from "@/lib/audit";
import { storeAdImage } from "@/lib/ads/upload";
import { withRole, type SessionUser } from "@/lib/auth/guards";
import { cacheTags } from "@/lib/cache-tags";
import { expireTags } from "@/lib/revalidate";
import { adSlotSchema, type AdSlotFormValues } from "@/lib/validation/ad-slot";
import type { DB } from "@/db";
import type { AdPlacement } from "@/db/schema";

export type AdSlotFormState = ActionState<AdSlotFormValues>;

function expirePlacements(placements: readonly AdPlacement[]): void {
  expireTags(placements.map(cacheTags.ads));
}

/** An audit entry written in the same transaction as the change it describes. */
function audit(user: SessionUser, ip: string, action: string, summary: (key: string) => string) {
  return (tx: DB, slot: { id: number; key: string }) =>
    recordAuditTx(tx, { user, ip, action, entityType: "ad-slot", entityId: slot.id, summary: summary(slot.key) });
}

function parseId(value: FormDataEntryValue | null): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * Creates (no `id`) or updates a slot. An uploaded image replaces the image URL; it is kept in
 * the returned values, so a save refused for another reason does not need a second upload.
 */
export const saveAdSlotAction = withRole(
  "editor",
  async (user, _prev: AdSlotFormState, formData: FormData): Promise<AdSlotFormState> => {
    const values = formValues(formData) as AdSlotFormValues & { id?: string };
    const id = values.id ? parseId(values.id) : null;
    if (values.id && id === null) return { message: "This ad slot does not exist.", values };

    const file = formData.get("imageFile");
    if (values.creativeType === "image" && file instanceof File && file.size > 0) {
      const stored = await storeAdImage(file);
      if (!stored.ok) {
        return { message: "The ad slot was not saved: check the highlighted fields.", errors: { imageUrl: [stored.message] }, values };
      }
      values.imageUrl = stored.url;
    }

    const parsed = adSlotSchema.safeParse(values);
    const errors: Record<string, string[]> = parsed.success ? {} : fieldErrors(parsed.error);
    let tagIds: number[] = [];
    if (parsed.success && parsed.data.tags.length > 0) {
      const { found, missing } = await findTargetTags(parsed.data.tags);
      if (missing.length > 0) errors.tags = [`No such tag: ${missing.join(", ")}.`];
      tagIds = found.map((t) => t.id);
    }
    if (!parsed.success || Object.keys(errors).length > 0) {
      return { message: "The ad slot was not saved: check the highlighted fields.", errors, values };
    }

    const { tags: _names, ...fields } = parsed.data;
    const ip = await requestIp();
    const now = new Date();
    const result =
      id === null
        ? await createAdSlot(fields, tagIds, now, audit(user, ip, "ad-slot.create", (key) => `Created ad slot ${key}`))
        : await updateAdSlot(id, fields, tagIds, now, audit(user, ip, "ad-slot.update", (key) => `Updated ad slot ${key}`));
    if (!result.ok) {
      if (result.reason === "duplicate-key") {
        return {
          message: "The ad slot was not saved: check the highlighted fields.",
          errors: { key: [`Another ad slot already uses the key ${fields.key}.`] },
          values,
        };
      }
      return { message: "This ad slot no longer exists.", values };
    }
    expirePlacements(result.placements);
    redirect(`/admin/ad-slots?saved=${encodeURIComponent(fields.key)}`);
  },
);

/** Activates or deactivates a slot from the list; pages showing its placement change at once. */
export const setAdSlotActiveAction = withRole("editor", async (user, formData: FormData): Promise<void> => {
  // A hand-made call without a form is a form that does not exist, not a crash (500).
  if (!(formData instanceof FormData)) notFound();
  const id = parseId(formData.get("id"));
  const active = formData.get("active") === "true";
  const verb = active ? "activate" : "deactivate";
  const placement =
    id === null
      ? null
      : await setAdSlotActive(id, active, new Date(), audit(user, await requestIp(), `ad-slot.${verb}`, (key) => `${active ? "Activated" : "Deactivated"} ad slot ${key}`));
  if (placement === null) redirect("/admin/ad-slots?error=not-found");
  expirePlacements([placement]);
  redirect(`/admin/ad-slots?${active ? "activated" : "deactivated"}=${id}`);
});

export const deleteAdSlotAction = withRole("editor", async (user, formData: FormData): Promise<void> => {
  // A hand-made call without a form is a form that does not exist, not a crash (500).
  if (!(formData instanceof FormData)) notFound();
  const id = parseId(formData.get("id"));
  // The checkbox is required in the form; without it (a crafted post) nothing is deleted.
  if (formData.get("confirm") !== "yes") redirect(id === null ? "/admin/ad-slots" : `/admin/ad-slots/${id}/edit`);
  const placement = id === null ? null : await deleteAdSlot(id, audit(user, await requestIp(), "ad-slot.delete", (key) => `Deleted ad slot ${key}`));
  if (placement === null) redirect("/admin/ad-slots?error=not-found");
  expirePlacements([placement]);
  redirect("/admin/ad-slots?deleted=1");
});
