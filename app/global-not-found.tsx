import type { Metadata, Viewport } from "next";
import { NotFoundMessage } from "@/components/site/not-found-message";
import { SiteChrome } from "@/components/site/site-chrome";
import { getSettings } from "@/lib/site";
import { siteViewport } from "@/lib/viewport";
import "./globals.css";

/** URLs that match no route: the same page as a missing article, inside the site frame. */
export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSettings();
  return {
    metadataBase: new URL(`${settings.siteUrl}/`),
    title: `Page not found | ${settings.siteName}`,
    robots: { index: false, follow: true },
  };
}

export const viewport: Viewport = siteViewport;

export default async function GlobalNotFound() {
  const settings = await getSettings();
  return (
    <html lang={settings.language}>
      <body>
        <SiteChrome>
          <NotFoundMessage />
        </SiteChrome>
      </body>
    </html>
  );
}
