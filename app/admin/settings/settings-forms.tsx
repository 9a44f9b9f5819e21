"use client";

import { useActionState, useState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/admin/form";
import { LOGO_MAX_BYTES } from "@/lib/validation/settings";
import { updateAdsTxtAction, updateSiteSettingsAction, type AdsTxtState, type SiteSettingsState } from "./actions";

export type SiteSettingsValues = { siteName: string; description: string; siteUrl: string; logoUrl: string };

export function SiteSettingsForm({ initial }: { initial: SiteSettingsValues }) {
  const [state, action] = useActionState<SiteSettingsState, FormData>(updateSiteSettingsAction, { values: initial });
  const v = { ...initial, ...state.values };
  // A file over the limit is refused before it is sent, so the editor is told at once.
  const [fileError, setFileError] = useState<string | undefined>();
  const logoFileErrors = fileError ? [fileError] : state.errors?.logoFile;
  return (
    // key: React resets a form after its action; remounting shows the values just saved or typed.
    <form key={JSON.stringify(v)} action={action} className="stack" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Field name="siteName" label="Site name" errors={state.errors?.siteName}>
        {(props) => <input {...props} required maxLength={80} defaultValue={v.siteName} />}
      </Field>
      <Field
        name="description"
        label="Description"
        errors={state.errors?.description}
        hint="One or two sentences, used in search results and link previews."
      >
        {(props) => <textarea {...props} rows={3} maxLength={300} defaultValue={v.description} />}
      </Field>
      <Field
        name="siteUrl"
        label="Site URL"
        errors={state.errors?.siteUrl}
        hint="The public address, e.g. https://news.example.com. Canonical links, feeds and sitemaps use it."
      >
        {(props) => <input {...props} type="url" required defaultValue={v.siteUrl} />}
      </Field>
      <Field
        name="logoUrl"
        label="Logo URL"
        errors={state.errors?.logoUrl}
        hint="An https:// address or a path on this site. Leave empty for the name alone."
      >
        {(props) => <input {...props} defaultValue={v.logoUrl} />}
      </Field>
      {v.logoUrl ? (
        <p className="logo-preview">
          {/* eslint-disable-next-line @next/next/no-img-element -- any address an admin enters */}
          <img src={v.logoUrl} alt="Current logo" height={48} />
        </p>
      ) : null}
      <Field
        name="logoFile"
        label="Or upload a logo"
        errors={logoFileErrors}
        hint="PNG, JPEG, WebP, GIF or AVIF, at most 2 MB; scaled to fit 800 × 240."
      >
        {(props) => (
          <input
            {...props}
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif,image/avif"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file && file.size > LOGO_MAX_BYTES) {
                event.currentTarget.value = "";
                setFileError("Use an image of at most 2 MB.");
              } else {
                setFileError(undefined);
              }
            }}
          />
        )}
      </Field>
      <SubmitButton>Save settings</SubmitButton>
    </form>
  );
}

export function AdsTxtForm({ initial }: { initial: string }) {
  const [state, action] = useActionState<AdsTxtState, FormData>(updateAdsTxtAction, { values: { adsTxt: initial } });
  const value = state.values?.adsTxt ?? initial;
  return (
    <form key={value} action={action} className="stack" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Field
        name="adsTxt"
        label="ads.txt"
        errors={state.errors?.adsTxt}
        hint={
          <>
            One record per line: <code>domain, account id, DIRECT or RESELLER[, certification id]</code>. Lines
            starting with # are comments; <code>contact=</code>, <code>subdomain=</code>, <code>OWNERDOMAIN=</code>{" "}
            and <code>MANAGERDOMAIN=</code> set variables. Bad lines are named with their numbers.
          </>
        }
      >
        {(props) => <textarea {...props} rows={12} spellCheck={false} defaultValue={value} />}
      </Field>
      <SubmitButton>Save ads.txt</SubmitButton>
    </form>
  );
}
