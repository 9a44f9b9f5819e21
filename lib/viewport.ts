import type { Viewport } from "next";

/** Every document's viewport: the root layout's and the global not-found page's (which has no layout). */
export const siteViewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#15140f" },
  ],
};
