"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/**
 * Tells the server the browser's time zone (a cookie) so admin pages show times in it; re-renders
 * once when it was not known yet or has changed.
 */
export function ArticleZoneCookie({ serverZone }: { serverZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === serverZone) return;
    document.cookie = `tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [serverZone, router]);
  return null;
}
