import type { Metadata } from "next";
import { getSettingsForEdit } from "@/db/queries/settings";
import { hasRole, requirePageUser } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { AdsTxtForm, SiteSettingsForm } from "./settings-forms";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const me = await requirePageUser("editor", "/admin/settings");
  const settings = await getSettingsForEdit();
  const isAdmin = hasRole(me, "admin");
  return (
    <>
      <h1>Settings</h1>
      {isAdmin ? (
        <section className="panel" aria-labelledby="site-heading">
          <h2 id="site-heading">Site</h2>
          <SiteSettingsForm
            initial={{
              siteName: settings?.siteName ?? "Dateline",
              description: settings?.description ?? "",
              siteUrl: settings?.siteUrl ?? env.SITE_URL,
              logoUrl: settings?.logoUrl ?? "",
            }}
          />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="ads-txt-heading">
        <h2 id="ads-txt-heading">ads.txt</h2>
        <p>
          Served at <a href="/ads.txt">/ads.txt</a>: the sellers authorised to sell this site&apos;s ad space.
        </p>
        <AdsTxtForm initial={settings?.adsTxt ?? ""} />
      </section>
    </>
  );
}
