import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getSettings } from "@/lib/site";
import { siteViewport } from "@/lib/viewport";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSettings();
  return {
    metadataBase: new URL(`${settings.siteUrl}/`),
    title: settings.siteName,
    description: settings.description,
    applicationName: settings.siteName,
  };
}

export const viewport: Viewport = siteViewport;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const settings = await getSettings();
  return (
    <html lang={settings.language}>
      <body>{children}</body>
    </html>
  );
}
