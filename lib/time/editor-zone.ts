import "server-only";
import { cookies } from "next/headers";
import { ZONE_COOKIE, safeTimeZone } from "./zoned-time";

/** The editor's time zone for this request (UTC until the browser has told us). */
export async function editorTimeZone(): Promise<string> {
  return safeTimeZone((await cookies()).get(ZONE_COOKIE)?.value);
}
