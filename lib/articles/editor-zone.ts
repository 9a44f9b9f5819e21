import "server-only";
import { cookies } from "next/headers";
import { safeTimeZone } from "./zoned-time";

/** Cookie the admin pages set from the browser's zone, so server-rendered times read in it. */
export const ZONE_COOKIE = "tz";

/** The editor's time zone for this request (UTC until the browser has told us). */
export async function editorTimeZone(): Promise<string> {
  return safeTimeZone((await cookies()).get(ZONE_COOKIE)?.value);
}
