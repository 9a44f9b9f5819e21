"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { ZONE_COOKIE, safeTimeZone } from "@/lib/time/zoned-time";

/**
 * The browser's time zone, remembered in a cookie so the server renders the next admin page's
 * times in it. Call from an effect (the browser only).
 */
export function rememberBrowserZone(): string {
  const zone = safeTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  document.cookie = `${ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
  return zone;
}

/**
 * Tells the server the browser's time zone (a cookie) so admin pages show times in it; re-renders
 * once when it was not known yet or has changed.
 */
export function EditorZoneCookie({ serverZone }: { serverZone: string }) {
  const router = useRouter();
  useEffect(() => {
    if (rememberBrowserZone() !== serverZone) router.refresh();
  }, [serverZone, router]);
  return null;
}
