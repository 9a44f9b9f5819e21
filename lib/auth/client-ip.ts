/**
 * The client's address as seen by this server. `next start` fills `x-forwarded-for` with the
 * socket's address only when the header is absent, and a reverse proxy (see the nginx recipe)
 * appends the address it saw: the right-most entry is the one the nearest hop vouches for.
 * `TRUSTED_PROXY_HOPS` (default 0) skips that many further proxies from the right.
 */
export function clientIpFrom(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const hops = forwarded
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const skip = Math.max(0, Math.min(Number(process.env.TRUSTED_PROXY_HOPS) || 0, hops.length - 1));
    const ip = hops[hops.length - 1 - skip];
    if (ip) return normalize(ip);
  }
  const real = headers.get("x-real-ip");
  return real ? normalize(real.trim()) : "unknown";
}

function normalize(ip: string): string {
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is the same client as 127.0.0.1.
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return (v4 ? v4[1] : ip).slice(0, 64);
}
