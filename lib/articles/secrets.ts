import crypto from "node:crypto";

/**
 * Keys for one purpose each, derived from AUTH_SECRET (HMAC as a KDF): a preview token cannot
 * be replayed as a scheduler credential, and rotating AUTH_SECRET retires both.
 */
export function derivedKey(purpose: string, secret = process.env.AUTH_SECRET): Buffer {
  if (!secret || secret.length < 16) throw new Error("AUTH_SECRET (16+ characters) is required to sign links and internal calls.");
  return crypto.createHmac("sha256", secret).update(`dateline:${purpose}`).digest();
}

export function sign(key: Buffer, message: string): string {
  return crypto.createHmac("sha256", key).update(message).digest("base64url");
}

/** Constant-time comparison of two strings (false for different lengths). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
