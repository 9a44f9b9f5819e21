"use client";

import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import { saveArticleAction, type ArticleFormState } from "@/app/admin/articles/actions";
import { Field, FormMessage } from "@/components/admin/form";
import { localInputToUtc, utcToLocalInput } from "@/lib/time/zoned-time";
import { slugify } from "@/lib/slug";
import { ARTICLE_LIMITS, formatBytes, utf8Length } from "@/lib/validation/article";
import { ArticleTagsInput } from "./article-tags-input";
import { rememberBrowserZone } from "./editor-zone-cookie";
import { MarkdownEditor } from "./markdown-editor";

export type ArticleFormData = {
  id: number;
  version: number;
  title: string;
  slug: string;
  dek: string;
  body: string;
  authorId: number;
  heroImage: string | null;
  heroAlt: string;
  heroCaption: string;
  seoTitle: string;
  seoDescription: string;
  status: "draft" | "scheduled" | "published";
  publishedAt: string | null;
  /** Readers could see it at some point: its slug no longer follows the title. */
  everPublic: boolean;
  tags: { id: number; name: string }[];
};

/** Requests larger than this fail before the action runs; stop them in the browser instead. */
const TRANSPORT_LIMIT = 15 * 1024 * 1024;
const HERO_LIMIT = 8 * 1024 * 1024;

function Counter({ value, hint }: { value: string; hint: number }) {
  const over = value.length > hint;
  return (
    <span className={over ? "counter over" : "counter"}>
      {value.length} / {hint} characters{over ? ": search engines will cut the rest" : ""}
    </span>
  );
}

export function ArticleForm({
  article,
  authors,
  defaultAuthorId,
  timeZone: serverZone,
}: {
  article: ArticleFormData | null;
  authors: { id: number; name: string }[];
  defaultAuthorId: number | null;
  timeZone: string;
}) {
  const [state, formAction, pending] = useActionState<ArticleFormState, FormData>(saveArticleAction, {});
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const errors = { ...state.errors, ...clientErrors } as Record<string, string[] | undefined>;
  const v = state.values ?? {};

  const [title, setTitle] = useState(article?.title ?? "");
  const [slug, setSlug] = useState(article?.slug ?? "");
  const [slugTouched, setSlugTouched] = useState(article ? article.everPublic || article.slug !== slugify(article.title) : false);
  const [seoTitle, setSeoTitle] = useState(article?.seoTitle ?? "");
  const [seoDescription, setSeoDescription] = useState(article?.seoDescription ?? "");
  const [zone, setZone] = useState(serverZone);
  const [publishAt, setPublishAt] = useState(
    article?.status === "scheduled" && article.publishedAt ? utcToLocalInput(new Date(article.publishedAt), serverZone) : "",
  );
  const [removeHero, setRemoveHero] = useState(false);

  // Times are shown and typed in the browser's zone; tell the server (for the next page) too.
  useEffect(() => {
    const browserZone = rememberBrowserZone();
    if (browserZone === zone) return;
    setPublishAt((value) => {
      const utc = value ? localInputToUtc(value, zone) : null;
      return utc ? utcToLocalInput(utc, browserZone) : value;
    });
    setZone(browserZone);
  }, [zone]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget, submitter);
    const found: Record<string, string[]> = {};
    const file = data.get("heroFile");
    const fileSize = file instanceof File ? file.size : 0;
    if (fileSize > HERO_LIMIT) found.heroFile = [`The image is ${formatBytes(fileSize)}; the limit is ${formatBytes(HERO_LIMIT)}.`];
    const bodyBytes = utf8Length(String(data.get("body") ?? ""));
    if (bodyBytes + fileSize > TRANSPORT_LIMIT && bodyBytes > ARTICLE_LIMITS.bodyBytes) {
      found.body = [`The body is ${formatBytes(bodyBytes)}; the limit is ${formatBytes(ARTICLE_LIMITS.bodyBytes)}. Split it or trim it.`];
    }
    setClientErrors(found);
    if (Object.keys(found).length) return;
    startTransition(() => formAction(data));
  }

  const status = article?.status ?? "draft";
  const latestHref = article ? `/admin/articles/${article.id}/edit` : null;

  return (
    <form className="article-form" onSubmit={onSubmit} noValidate encType="multipart/form-data">
      <FormMessage
        message={Object.keys(clientErrors).length ? "Nothing was sent. Check the fields marked below." : state.message}
        ok={state.ok}
      />
      {state.conflict && latestHref ? (
        <p className="conflict-actions">
          <a href={latestHref} target="_blank" rel="noopener">
            Open the latest version (saved by {state.conflict.by}) in a new tab
          </a>
        </p>
      ) : null}
      {article ? (
        <>
          <input type="hidden" name="id" value={article.id} />
          <input type="hidden" name="version" value={article.version} />
        </>
      ) : null}
      <input type="hidden" name="timeZone" value={zone} />

      <div className="article-form-main">
        <Field name="title" label="Title" errors={errors.title} hint={`Up to ${ARTICLE_LIMITS.title} characters.`}>
          {(props) => (
            <input
              {...props}
              type="text"
              required
              maxLength={ARTICLE_LIMITS.title * 2}
              value={title}
              onChange={(e) => {
                setTitle(e.target.value);
                if (!slugTouched) setSlug(slugify(e.target.value));
              }}
            />
          )}
        </Field>
        <Field
          name="slug"
          label="Slug"
          errors={errors.slug}
          hint={
            <>
              Address: /articles/{slug || "…"}
              {article?.everPublic ? " — changing it keeps the old address working (301 redirect)." : " — generated from the title until you edit it."}
            </>
          }
        >
          {(props) => (
            <input
              {...props}
              type="text"
              value={slug}
              spellCheck={false}
              onChange={(e) => {
                setSlug(e.target.value);
                setSlugTouched(true);
              }}
            />
          )}
        </Field>
        <Field name="dek" label="Standfirst" errors={errors.dek} hint={`A sentence or two under the headline; up to ${ARTICLE_LIMITS.dek} characters.`}>
          {(props) => <textarea {...props} rows={2} defaultValue={v.dek ?? article?.dek ?? ""} />}
        </Field>
        <Field name="body" label="Body" errors={errors.body} hint={`Markdown, up to ${formatBytes(ARTICLE_LIMITS.bodyBytes)}.`}>
          {(props) => <MarkdownEditor textarea={props} defaultValue={article?.body ?? ""} label="Body" />}
        </Field>
      </div>

      <div className="article-form-side">
        <fieldset className="publish-box">
          <legend>Publishing</legend>
          {status !== "published" ? (
            <Field
              name="publishAt"
              label="Publish at"
              errors={errors.publishAt}
              hint={`Your time zone: ${zone}. Used when you schedule.`}
            >
              {(props) => (
                <input {...props} type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
              )}
            </Field>
          ) : null}
          <div className="button-row">
            {status === "published" ? (
              <>
                <button type="submit" name="intent" value="save" disabled={pending} className="primary">
                  Update
                </button>
                <button type="submit" name="intent" value="unpublish" disabled={pending}>
                  Unpublish
                </button>
              </>
            ) : (
              <>
                <button type="submit" name="intent" value="save" disabled={pending}>
                  {status === "scheduled" ? "Save" : "Save draft"}
                </button>
                <button type="submit" name="intent" value="schedule" disabled={pending}>
                  Schedule
                </button>
                <button type="submit" name="intent" value="publish" disabled={pending} className="primary">
                  Publish now
                </button>
                {status === "scheduled" ? (
                  <button type="submit" name="intent" value="unpublish" disabled={pending}>
                    Move to drafts
                  </button>
                ) : null}
              </>
            )}
          </div>
          {pending ? <p role="status">Saving…</p> : null}
        </fieldset>

        <Field name="authorId" label="Author" errors={errors.authorId}>
          {(props) => (
            <select {...props} defaultValue={v.authorId ?? String(article?.authorId ?? defaultAuthorId ?? "")}>
              <option value="">Choose an author</option>
              {authors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>

        <Field name="tags" label="Tags" errors={errors.tags} hint="In order of importance. Enter adds a new tag.">
          {({ name: _name, ...props }) => <ArticleTagsInput input={props} initial={article?.tags ?? []} />}
        </Field>

        <fieldset>
          <legend>Hero image</legend>
          {article?.heroImage && !removeHero ? (
            <figure className="hero-current">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={`${article.heroImage}?w=320`} alt={article.heroAlt} width={160} />
              <figcaption>Current image</figcaption>
            </figure>
          ) : null}
          {article?.heroImage ? (
            <label className="checkbox">
              <input type="checkbox" name="removeHero" checked={removeHero} onChange={(e) => setRemoveHero(e.target.checked)} /> Remove the
              image
            </label>
          ) : null}
          <Field name="heroFile" label={article?.heroImage ? "Replace with" : "Image file"} errors={errors.heroFile} hint="JPEG, PNG or WebP, up to 8 MB.">
            {(props) => <input {...props} type="file" accept="image/jpeg,image/png,image/webp" />}
          </Field>
          <Field name="heroAlt" label="Alt text" errors={errors.heroAlt} hint="Required with an image: what it shows, for readers who cannot see it.">
            {(props) => <input {...props} type="text" defaultValue={v.heroAlt ?? article?.heroAlt ?? ""} />}
          </Field>
          <Field name="heroCaption" label="Caption" errors={errors.heroCaption} hint="Optional; credit the photographer here.">
            {(props) => <input {...props} type="text" defaultValue={v.heroCaption ?? article?.heroCaption ?? ""} />}
          </Field>
        </fieldset>

        <fieldset>
          <legend>Search and sharing</legend>
          <Field
            name="seoTitle"
            label="SEO title"
            errors={errors.seoTitle}
            hint={<Counter value={seoTitle} hint={ARTICLE_LIMITS.seoTitleHint} />}
          >
            {(props) => <input {...props} type="text" value={seoTitle} onChange={(e) => setSeoTitle(e.target.value)} placeholder={title} />}
          </Field>
          <Field
            name="seoDescription"
            label="SEO description"
            errors={errors.seoDescription}
            hint={<Counter value={seoDescription} hint={ARTICLE_LIMITS.seoDescriptionHint} />}
          >
            {(props) => (
              <textarea {...props} rows={3} value={seoDescription} onChange={(e) => setSeoDescription(e.target.value)} />
            )}
          </Field>
        </fieldset>
      </div>
    </form>
  );
}
