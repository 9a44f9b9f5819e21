"use server";

import { redirect } from "next/navigation";
import type { z } from "zod";
import { getArticleForEdit } from "@/db/queries/admin-articles";
import { suggestTags } from "@/db/queries/admin-tags";
import { fieldErrors, type ActionState } from "@/lib/actions";
import { requestIp } from "@/lib/audit";
import { withRole, type SessionUser } from "@/lib/auth/guards";
import { discardImage, prepareHeroImage, storeImage, type PreparedImage } from "@/lib/articles/media";
import {
  deleteArticle,
  restoreRevision,
  saveArticle,
  type Conflict,
  type Editor,
  type HeroChange,
  type StoredImage,
} from "@/lib/articles/write";
import { formatInZone } from "@/lib/time/zoned-time";
import { renderMarkdown } from "@/lib/markdown";
import { expireArticle } from "@/lib/revalidate";
import {
  ARTICLE_LIMITS,
  articleFormInput,
  checkArticleRules,
  createArticleSchema,
  formatBytes,
  updateArticleSchema,
  utf8Length,
  type ArticleInput,
} from "@/lib/validation/article";

/** The user as the write path records them: with the client address for the audit log. */
async function editorOf(user: SessionUser): Promise<Editor> {
  return { id: user.id, name: user.name, email: user.email, ip: await requestIp() };
}

export type ArticleFormState = ActionState & {
  conflict?: { by: string; at: string; version: number };
};

function conflictState(conflict: Conflict, timeZone: string, values: Record<string, string>): ArticleFormState {
  return {
    message:
      `${conflict.by} saved this article at ${formatInZone(conflict.at, timeZone)} while you were editing. ` +
      "Your changes have not been saved: they are still in the form. Open the latest version, copy your changes into it and save there.",
    conflict: { by: conflict.by, at: conflict.at.toISOString(), version: conflict.version },
    values,
  };
}

/** Create or update, with the intent (save, publish, schedule, unpublish) from the button pressed. */
export const saveArticleAction = withRole("editor", async (user, _prev: ArticleFormState, formData: FormData): Promise<ArticleFormState> => {
  const raw = articleFormInput(formData);
  const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const isUpdate = typeof raw.id === "string" && raw.id !== "";
  const parsed: z.ZodSafeParseResult<ArticleInput & { id?: number; version?: number }> = isUpdate
    ? updateArticleSchema.safeParse(raw)
    : createArticleSchema.safeParse(raw);
  const errors: Record<string, string[]> = parsed.success ? {} : fieldErrors(parsed.error);

  const file = formData.get("heroFile");
  let prepared: PreparedImage | null = null;
  if (file instanceof File && file.size > 0) {
    const result = await prepareHeroImage(file);
    if (result.ok) prepared = result.image;
    else errors.heroFile = [result.error];
  }
  if (!parsed.success) {
    return { message: "Nothing was saved. Check the fields marked below.", errors, values };
  }
  const input = parsed.data;
  const id = input.id;
  const current = id ? await getArticleForEdit(id) : null;
  if (id && !current) return { message: "This article no longer exists (it may have been deleted).", values };

  const removeHero = input.removeHero && !prepared;
  const hasHeroImage = Boolean(prepared) || (Boolean(current?.heroImage) && !removeHero) || (file instanceof File && file.size > 0);
  const now = new Date();
  const rules = checkArticleRules(input, { now, hasHeroImage });
  Object.assign(errors, { ...rules.errors, ...errors });
  if (Object.keys(errors).length) {
    return { message: "Nothing was saved. Check the fields marked below.", errors, values };
  }

  let stored: StoredImage | null = null;
  if (prepared) stored = await storeImage(prepared, now);
  const hero: HeroChange = stored ? { kind: "set", image: stored } : removeHero ? { kind: "remove" } : { kind: "keep" };
  const result = await saveArticle(
    { ...input, id, version: input.version, publishAtUtc: rules.publishAt, hero },
    await editorOf(user),
    now,
  ).catch(async (error) => {
    if (stored) await discardImage(stored);
    throw error;
  });
  if (!result.ok) {
    if (stored) await discardImage(stored);
    if (result.conflict) return conflictState(result.conflict, input.timeZone, values);
    return { message: result.message, errors: result.errors, values };
  }
  if (result.change) expireArticle(result.change);
  redirect(`/admin/articles/${result.id}/edit?saved=${input.intent}`);
});

/** The live preview: the body through the same sanitizing pipeline as the public page. */
export const previewMarkdownAction = withRole("editor", async (_user, markdown: unknown): Promise<{ html: string } | { error: string }> => {
  if (typeof markdown !== "string") return { error: "Nothing to preview." };
  const bytes = utf8Length(markdown);
  if (bytes > ARTICLE_LIMITS.bodyBytes) {
    return { error: `The body is ${formatBytes(bytes)}; the limit is ${formatBytes(ARTICLE_LIMITS.bodyBytes)}. The preview is paused.` };
  }
  return { html: renderMarkdown(markdown) };
});

export const suggestTagsAction = withRole("editor", async (_user, text: unknown): Promise<{ id: number; name: string }[]> => {
  if (typeof text !== "string") return [];
  return (await suggestTags(text, 10)).map(({ id, name }) => ({ id, name }));
});

export const deleteArticleAction = withRole("editor", async (user, _prev: ActionState, formData: FormData): Promise<ActionState> => {
  const id = Number(formData.get("id"));
  if (!Number.isSafeInteger(id) || id < 1) return { message: "Unknown article." };
  if (formData.get("confirm") !== "delete") return { message: "Confirm the deletion first." };
  const result = await deleteArticle(id, await editorOf(user));
  if (!result.ok) return { message: result.message };
  if (result.change) expireArticle(result.change);
  redirect(`/admin/articles?deleted=${encodeURIComponent(result.slug)}`);
});

export const restoreRevisionAction = withRole("editor", async (user, _prev: ActionState, formData: FormData): Promise<ActionState> => {
  const articleId = Number(formData.get("articleId"));
  const revisionId = Number(formData.get("revisionId"));
  const version = Number(formData.get("version"));
  if (![articleId, revisionId, version].every((n) => Number.isSafeInteger(n) && n > 0)) return { message: "Unknown revision." };
  const result = await restoreRevision(articleId, revisionId, version, await editorOf(user));
  if (!result.ok) {
    if (result.conflict) {
      return {
        message: `${result.conflict.by} saved this article (version ${result.conflict.version}) after you opened this page. Reload to compare with the latest version before restoring.`,
      };
    }
    return { message: result.message };
  }
  if (result.change) expireArticle(result.change);
  redirect(`/admin/articles/${articleId}/edit?saved=restore`);
});
