import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getSettings } from "@/lib/site";
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

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#15140f" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const settings = await getSettings();
  return (
    <html lang={settings.language}>
      <body>{children}</body>
    </html>
  );
}
