import { derivedKey, safeEqual, sign } from "@/lib/articles/secrets";

/**
 * Signed, expiring preview links: `/preview/<articleId>.<expiresAt>.<signature>`. A link shows
 * one article (whatever its status) until it expires; there is no site-wide draft mode, so a
 * leaked link exposes that article only, and only for a while.
 */
export const PREVIEW_TTL_MS = 72 * 60 * 60 * 1000;

const message = (articleId: number, expiresAt: number) => `preview:${articleId}:${expiresAt}`;

export function createPreviewToken(
  articleId: number,
  options: { now?: Date; ttlMs?: number; secret?: string } = {},
): { token: string; expiresAt: Date } {
  const expiresAt = Math.floor(((options.now ?? new Date()).getTime() + (options.ttlMs ?? PREVIEW_TTL_MS)) / 1000);
  const signature = sign(derivedKey("preview", options.secret), message(articleId, expiresAt));
  return { token: `${articleId}.${expiresAt}.${signature}`, expiresAt: new Date(expiresAt * 1000) };
}

export type PreviewCheck = { ok: true; articleId: number; expiresAt: Date } | { ok: false; reason: "malformed" | "expired" | "bad-signature" };

export function verifyPreviewToken(token: string, options: { now?: Date; secret?: string } = {}): PreviewCheck {
  const m = /^(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: "malformed" };
  const articleId = Number(m[1]);
  const expiresAt = Number(m[2]);
  const expected = sign(derivedKey("preview", options.secret), message(articleId, expiresAt));
  if (!safeEqual(expected, m[3])) return { ok: false, reason: "bad-signature" };
  if (expiresAt * 1000 <= (options.now ?? new Date()).getTime()) return { ok: false, reason: "expired" };
  return { ok: true, articleId, expiresAt: new Date(expiresAt * 1000) };
}
