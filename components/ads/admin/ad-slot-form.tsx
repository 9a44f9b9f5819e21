"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { saveAdSlotAction, type AdSlotFormState } from "@/app/admin/ad-slots/actions";
import { rememberBrowserZone } from "@/components/admin/editor-zone-cookie";
import { Field, FormMessage, SubmitButton } from "@/components/admin/form";
import { CREATIVE_SANDBOX, adCreativeDocument } from "@/lib/ads/creative";
import { localInputToUtc, safeTimeZone, utcToLocalInput } from "@/lib/time/zoned-time";
import { AD_SIZE_MAX, INDEXED_PLACEMENTS, PLACEMENT_LABELS, PLACEMENT_VALUES, isImageSource, type AdSlotFormValues } from "@/lib/validation/ad-slot";
import styles from "./ad-admin.module.css";

type Draft = {
  placement: string;
  width: number | null;
  height: number | null;
  creativeType: string;
  imageUrl: string;
  altText: string;
  html: string;
};

function size(value: string | undefined): number | null {
  const n = Number(value);
  return /^\d+$/.test(value?.trim() ?? "") && n >= 1 && n <= AD_SIZE_MAX ? n : null;
}

function draftFrom(values: AdSlotFormValues): Draft {
  return {
    placement: values.placement ?? "article-after-body",
    width: size(values.width),
    height: size(values.height),
    creativeType: values.creativeType ?? "image",
    imageUrl: values.imageUrl ?? "",
    altText: values.altText ?? "",
    html: values.html ?? "",
  };
}

function readDraft(form: HTMLFormElement): Draft {
  const data = new FormData(form);
  const text = (name: string) => {
    const v = data.get(name);
    return typeof v === "string" ? v : "";
  };
  return draftFrom({
    placement: text("placement"),
    width: text("width"),
    height: text("height"),
    creativeType: text("creativeType"),
    imageUrl: text("imageUrl"),
    altText: text("altText"),
    html: text("html"),
  });
}

/** The window as typed, with the zone it is typed in. */
type Span = { zone: string; startsAt: string; endsAt: string };

function spanFrom(values: AdSlotFormValues, zone: string): Span {
  return { zone: safeTimeZone(values.timeZone || zone), startsAt: values.startsAt ?? "", endsAt: values.endsAt ?? "" };
}

/** The same instants as wall times in another zone (text that is not a time is left as typed). */
function rezone(span: Span, zone: string): Span {
  const convert = (value: string) => {
    const utc = value ? localInputToUtc(value, span.zone) : null;
    return utc ? utcToLocalInput(utc, zone) : value;
  };
  return { zone, startsAt: convert(span.startsAt), endsAt: convert(span.endsAt) };
}

/**
 * Create/edit form for an ad slot, with a live preview at the slot's reserved size. The preview
 * of HTML code runs in the same sandbox as on the public site (no access to the admin page,
 * its cookies or the session); an image chosen for upload is previewed from the browser.
 * The start and end are shown and typed in the browser's time zone (`initial` holds them in
 * `timeZone`, the zone the server knew); the zone goes with the form so the action stores UTC.
 */
export function AdSlotForm({
  id,
  initial,
  submitLabel,
  timeZone: serverZone,
}: {
  id?: number;
  initial: AdSlotFormValues;
  submitLabel: string;
  timeZone: string;
}) {
  const [state, formAction] = useActionState<AdSlotFormState, FormData>(saveAdSlotAction, { values: initial });
  const values: AdSlotFormValues = state.values ?? initial;
  const errors = state.errors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(values));
  const [fileUrl, setFileUrl] = useState<string | null>(null);
  const [span, setSpan] = useState<Span>(() => spanFrom(values, serverZone));
  const zone = span.zone;

  // A refused save returns what was typed (and an uploaded image's URL): preview that.
  useEffect(() => {
    setDraft(draftFrom(state.values ?? initial));
    setSpan(spanFrom(state.values ?? initial, serverZone));
    setFileUrl(null);
  }, [state, initial, serverZone]);

  // The server renders in the zone of the cookie (UTC before the first admin visit): move to the
  // browser's zone, keeping the instants, and remember it for the next page.
  useEffect(() => {
    const browserZone = rememberBrowserZone();
    setSpan((s) => (s.zone === browserZone ? s : rezone(s, browserZone)));
  }, [zone]);
  useEffect(() => () => void (fileUrl && URL.revokeObjectURL(fileUrl)), [fileUrl]);

  const update = () => formRef.current && setDraft(readDraft(formRef.current));
  const indexed = (INDEXED_PLACEMENTS as readonly string[]).includes(draft.placement);
  const image = draft.creativeType !== "html";
  const v = (name: keyof AdSlotFormValues) => values[name] ?? "";

  return (
    <div className={styles.layout}>
      <form
        ref={formRef}
        action={formAction}
        onChange={update}
        onInput={update}
        className="stack"
        noValidate
        // Re-mount the inputs after a refused save so they show what was sent back.
        key={JSON.stringify(state.values ?? null)}
      >
        <FormMessage message={state.message} ok={state.ok} />
        {id ? <input type="hidden" name="id" value={id} /> : null}
        <input type="hidden" name="timeZone" value={zone} />

        <Field name="key" label="Key" errors={errors.key} hint="Capital letters A–Z, digits, _ and -; up to 64 characters. Appears in the page as data-ad-slot.">
          {(p) => <input {...p} defaultValue={v("key")} required maxLength={64} autoCapitalize="characters" spellCheck={false} />}
        </Field>
        <Field name="name" label="Name" errors={errors.name}>
          {(p) => <input {...p} defaultValue={v("name")} required maxLength={120} />}
        </Field>
        <Field name="placement" label="Placement" errors={errors.placement}>
          {(p) => (
            <select {...p} defaultValue={v("placement") || "article-after-body"}>
              {PLACEMENT_VALUES.map((placement) => (
                <option key={placement} value={placement}>
                  {PLACEMENT_LABELS[placement]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div hidden={!indexed}>
          <Field
            name="placementIndex"
            label={draft.placement === "front-list" ? "After list item" : "After paragraph"}
            errors={errors.placementIndex}
            hint="Counted from 1. Pages with fewer paragraphs or items do not show this slot."
          >
            {(p) => <input {...p} type="number" min={1} max={1000} step={1} defaultValue={v("placementIndex")} />}
          </Field>
        </div>
        <div className={styles.pair}>
          <Field name="width" label="Width (px)" errors={errors.width}>
            {(p) => <input {...p} type="number" min={1} max={AD_SIZE_MAX} step={1} required defaultValue={v("width")} />}
          </Field>
          <Field name="height" label="Height (px)" errors={errors.height}>
            {(p) => <input {...p} type="number" min={1} max={AD_SIZE_MAX} step={1} required defaultValue={v("height")} />}
          </Field>
        </div>

        <fieldset className={styles.group}>
          <legend>Creative</legend>
          <div className={styles.choices} role="radiogroup" aria-label="Creative type">
            <label>
              <input type="radio" name="creativeType" value="image" defaultChecked={(v("creativeType") || "image") === "image"} />
              Image and link
            </label>
            <label>
              <input type="radio" name="creativeType" value="html" defaultChecked={v("creativeType") === "html"} />
              HTML / script code
            </label>
          </div>
          <div hidden={!image} className="stack">
            <Field name="imageFile" label="Upload image" hint="JPEG, PNG, WebP or GIF, up to 2 MB. Replaces the image URL when saved.">
              {(p) => (
                <input
                  {...p}
                  type="file"
                  accept="image/jpeg,image/png,image/webp,image/gif"
                  onChange={(e) => {
                    const file = e.currentTarget.files?.[0];
                    setFileUrl(file ? URL.createObjectURL(file) : null);
                  }}
                />
              )}
            </Field>
            <Field name="imageUrl" label="Image URL" errors={errors.imageUrl} hint="Or the address of an image (https://…).">
              {(p) => <input {...p} type="url" inputMode="url" defaultValue={v("imageUrl")} maxLength={1024} />}
            </Field>
            <Field name="linkUrl" label="Click-through URL" errors={errors.linkUrl} hint="Where a click goes (http:// or https://). Clicks are counted.">
              {(p) => <input {...p} type="url" inputMode="url" defaultValue={v("linkUrl")} maxLength={2048} />}
            </Field>
            <Field name="altText" label="Alt text" errors={errors.altText} hint="What the image says, for readers who cannot see it.">
              {(p) => <input {...p} defaultValue={v("altText")} maxLength={300} />}
            </Field>
          </div>
          <div hidden={image}>
            <Field
              name="html"
              label="Ad code"
              errors={errors.html}
              hint="Runs only inside a sandboxed frame of the reserved size: it cannot read the page, its cookies or the session."
            >
              {(p) => <textarea {...p} rows={8} defaultValue={v("html")} spellCheck={false} />}
            </Field>
          </div>
        </fieldset>

        <fieldset className={styles.group}>
          <legend>Schedule and targeting</legend>
          <div className={styles.check}>
            <label>
              <input type="checkbox" name="active" value="on" defaultChecked={values.active === "on" || values.active === "true"} /> Active
            </label>
          </div>
          <div className={styles.pair}>
            <Field name="startsAt" label="Starts" errors={errors.startsAt} hint={`Times in ${zone}. Empty: at once.`}>
              {(p) => (
                <input {...p} type="datetime-local" value={span.startsAt} onChange={(e) => setSpan((w) => ({ ...w, startsAt: e.target.value }))} />
              )}
            </Field>
            <Field name="endsAt" label="Ends" errors={errors.endsAt} hint={`Times in ${zone}. Empty: no end.`}>
              {(p) => (
                <input {...p} type="datetime-local" value={span.endsAt} onChange={(e) => setSpan((w) => ({ ...w, endsAt: e.target.value }))} />
              )}
            </Field>
          </div>
          <Field
            name="tags"
            label="Only on these tags"
            errors={errors.tags}
            hint="Tag names separated by commas. Then the slot shows only on articles and tag pages with one of them; empty shows it everywhere its placement exists."
          >
            {(p) => <input {...p} defaultValue={v("tags")} maxLength={5000} />}
          </Field>
        </fieldset>

        <SubmitButton>{submitLabel}</SubmitButton>
      </form>

      <AdPreview draft={draft} fileUrl={fileUrl} />
    </div>
  );
}

function AdPreview({ draft, fileUrl }: { draft: Draft; fileUrl: string | null }) {
  const { width, height } = draft;
  const imageSrc = fileUrl ?? (isImageSource(draft.imageUrl) ? draft.imageUrl : null);
  let creative: React.ReactNode;
  if (!width || !height) {
    creative = <p className={styles.muted}>Enter a width and height (1–{AD_SIZE_MAX} px) to see the preview.</p>;
  } else if (draft.creativeType === "html") {
    creative = draft.html.trim() ? (
      // Not srcdoc: that would inherit the admin's CSP and block the ad's scripts. The frame loads
      // an empty sandboxed document with the creatives' own policy and is handed the draft
      // (app/ads/preview/route.ts); a new key per draft reloads it for each change.
      <iframe
        key={draft.html}
        title="Ad preview"
        sandbox={CREATIVE_SANDBOX}
        src="/ads/preview"
        // The sandboxed frame's origin is opaque: "*" is the only target origin that reaches it.
        onLoad={(event) => event.currentTarget.contentWindow?.postMessage(adCreativeDocument(draft.html), "*")}
        width={width}
        height={height}
        data-ad-preview-frame=""
      />
    ) : (
      <div className={styles.placeholder}>Paste the ad code</div>
    );
  } else {
    creative = imageSrc ? (
      // eslint-disable-next-line @next/next/no-img-element -- a preview of the creative as uploaded
      <img src={imageSrc} alt={draft.altText} width={width} height={height} />
    ) : (
      <div className={styles.placeholder}>No image yet</div>
    );
  }
  return (
    <section className={`panel ${styles.preview}`} aria-labelledby="ad-preview-title">
      <h2 id="ad-preview-title">Preview</h2>
      <p className={styles.muted}>
        {width && height ? `${width} × ${height} px, ` : ""}as readers will see it. Nothing is live until you save.
      </p>
      <div className={styles.previewStage}>
        {width && height ? (
          // The same markup and styles as on the public site.
          <div className="ad-slot" data-ad-preview="">
            <p className="ad-label">Advertisement</p>
            <div
              className="ad-frame"
              style={
                draft.creativeType === "html"
                  ? { width: `${width}px`, height: `${height}px` }
                  : { width: `${width}px`, aspectRatio: `${width} / ${height}` }
              }
            >
              {creative}
            </div>
          </div>
        ) : (
          creative
        )}
      </div>
    </section>
  );
}
