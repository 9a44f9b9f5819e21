"use server";

import { redirect } from "next/navigation";
import { fieldErrors, formValues, type ActionState } from "@/lib/actions";
import { requestIp } from "@/lib/audit";
import { withRole, type SessionUser } from "@/lib/auth/guards";
import type { Editor } from "@/lib/articles/write";
import { createTag, deleteTag, mergeTags, updateTag, type TagChange } from "@/lib/articles/tags";
import { cacheTags } from "@/lib/cache-tags";
import { expireTags } from "@/lib/revalidate";
import { createTagSchema, mergeTagSchema, updateTagSchema } from "@/lib/validation/tag";
import { suggestTags } from "@/db/queries/admin-tags";

/**
 * A tag change shows on its own pages (old and new slug), the tag index, and wherever the tag is
 * named: article pages, lists, bylines and navigation all read names through the taxonomy tag.
 */
function expireTagChange(change: TagChange): void {
  const touchesArticles = change.articleIds.length > 0;
  expireTags([
    ...change.tagSlugs.map(cacheTags.tag),
    cacheTags.tagsIndex,
    cacheTags.taxonomy,
    cacheTags.sitemaps,
    ...(touchesArticles ? [cacheTags.feeds, cacheTags.search] : []),
  ]);
}

/** The user as the write path records them: with the client address for the audit log. */
async function actor(user: SessionUser): Promise<Editor> {
  return { id: user.id, name: user.name, email: user.email, ip: await requestIp() };
}

export const createTagAction = withRole("editor", async (user, _prev: ActionState, formData: FormData): Promise<ActionState> => {
  const values = formValues(formData);
  const parsed = createTagSchema.safeParse(values);
  if (!parsed.success) return { message: "The tag was not created. Check the fields marked below.", errors: fieldErrors(parsed.error), values };
  const result = await createTag(parsed.data, await actor(user));
  if (!result.ok) return { message: result.message, errors: result.errors, values };
  expireTagChange(result.change);
  redirect(`/admin/tags?q=${encodeURIComponent(result.tag.slug)}&created=${encodeURIComponent(result.tag.name)}`);
});

export const updateTagAction = withRole("editor", async (user, _prev: ActionState, formData: FormData): Promise<ActionState> => {
  const values = formValues(formData);
  const parsed = updateTagSchema.safeParse(values);
  if (!parsed.success) return { message: "The tag was not saved. Check the fields marked below.", errors: fieldErrors(parsed.error), values };
  const result = await updateTag(parsed.data.id, parsed.data, await actor(user));
  if (!result.ok) return { message: result.message, errors: result.errors, values };
  expireTagChange(result.change);
  redirect(`/admin/tags/${result.tag.id}/edit?saved=1`);
});

export const mergeTagAction = withRole("editor", async (user, _prev: ActionState, formData: FormData): Promise<ActionState> => {
  const values = formValues(formData);
  const parsed = mergeTagSchema.safeParse(values);
  if (!parsed.success) return { message: "Nothing was merged.", errors: fieldErrors(parsed.error), values };
  const result = await mergeTags(parsed.data.id, parsed.data.target, await actor(user));
  if (!result.ok) return { message: result.message, errors: result.errors, values };
  expireTagChange(result.change);
  redirect(`/admin/tags/${result.tag.id}/edit?merged=1`);
});

export const deleteTagAction = withRole("editor", async (user, _prev: ActionState, formData: FormData): Promise<ActionState> => {
  const id = Number(formData.get("id"));
  if (!Number.isSafeInteger(id) || id < 1) return { message: "Unknown tag." };
  if (formData.get("confirm") !== "delete") return { message: "Confirm the deletion first." };
  const result = await deleteTag(id, await actor(user));
  if (!result.ok) return { message: result.message };
  expireTagChange(result.change);
  redirect(`/admin/tags?deleted=${encodeURIComponent(result.tag.name)}`);
});

export const suggestTagNamesAction = withRole("editor", async (_user, text: unknown): Promise<string[]> => {
  if (typeof text !== "string") return [];
  return (await suggestTags(text, 10)).map((t) => t.name);
});
