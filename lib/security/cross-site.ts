/**
 * Whether a state-changing request comes from another site: its Origin (sent by browsers with
 * every POST) names a different host than the one the request was addressed to, or the browser
 * says so in Sec-Fetch-Site. `Origin: null` (sandboxed frames such as ad creatives, opaque
 * redirects) counts as another site. Requests without either header are not from a browser
 * page, so they carry no one's cookies but their sender's: they are let through to the usual
 * session checks. Same comparison as Next's own check for server actions (x-forwarded-host,
 * else host), applied to every route so a refusal is a clean 403.
 */
export function isCrossSiteRequest(headers: Pick<Headers, "get">): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  if (origin === "null") return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return true;
  }
  const host = (headers.get("x-forwarded-host")?.split(",")[0] ?? headers.get("host") ?? "").trim().toLowerCase();
  return host === "" || originHost !== host;
}
