import { clearRateLimit, getRateLimits, pruneRateLimits, updateRateLimits, type RateLimitRow } from "@/db/queries/rate-limits";

/**
 * Failed sign-ins are counted per account and per client address in the rate_limits table, so
 * the count survives a restart. A handful of failures for one account, or many from one address
 * (someone trying one password on many accounts), blocks further attempts for a while; blocked
 * attempts are not even checked, so they cost nothing and reveal nothing.
 */
export type LimitPolicy = { max: number; windowMs: number; blockMs: number };

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export const LOGIN_LIMITS: { account: LimitPolicy; address: LimitPolicy } = {
  account: { max: 5, windowMs: FIFTEEN_MINUTES, blockMs: FIFTEEN_MINUTES },
  address: { max: 50, windowMs: FIFTEEN_MINUTES, blockMs: FIFTEEN_MINUTES },
};

export type LimitStatus = { blocked: false } | { blocked: true; retryAfterMs: number };

/** The counter after one more failure at `now`. */
export function afterFailure(key: string, row: RateLimitRow | undefined, now: Date, policy: LimitPolicy): RateLimitRow {
  if (row?.blockedUntil && row.blockedUntil > now) return row;
  const fresh = !row || now.getTime() - row.windowStart.getTime() >= policy.windowMs;
  const count = fresh ? 1 : row.count + 1;
  return {
    key,
    count,
    windowStart: fresh ? now : row.windowStart,
    blockedUntil: count >= policy.max ? new Date(now.getTime() + policy.blockMs) : null,
  };
}

export function statusOf(rows: (RateLimitRow | undefined)[], now: Date): LimitStatus {
  const until = Math.max(0, ...rows.map((r) => (r?.blockedUntil ? r.blockedUntil.getTime() : 0)));
  return until > now.getTime() ? { blocked: true, retryAfterMs: until - now.getTime() } : { blocked: false };
}

export function tooManyAttemptsMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

export function accountKey(email: string): string {
  return `login:account:${email.trim().toLowerCase().slice(0, 254)}`;
}

export function addressKey(ip: string): string {
  return `login:ip:${ip.slice(0, 64)}`;
}

export type LoginAttempt = { email: string; ip: string };

export function createLoginLimiter(options: { now?: () => Date; limits?: typeof LOGIN_LIMITS } = {}) {
  const now = options.now ?? (() => new Date());
  const limits = options.limits ?? LOGIN_LIMITS;

  return {
    /** Whether this attempt may go ahead; call before checking the password. */
    async check(attempt: LoginAttempt): Promise<LimitStatus> {
      const keys = [accountKey(attempt.email), addressKey(attempt.ip)];
      const rows = await getRateLimits(keys);
      return statusOf(
        keys.map((k) => rows.find((r) => r.key === k)),
        now(),
      );
    },

    /** Counts a failed attempt against the account and the address; returns the status after it. */
    async recordFailure(attempt: LoginAttempt): Promise<LimitStatus> {
      const at = now();
      const account = accountKey(attempt.email);
      const rows = await updateRateLimits([account, addressKey(attempt.ip)], (key, row) =>
        afterFailure(key, row, at, key === account ? limits.account : limits.address),
      );
      // Counters from other days only take space.
      await pruneRateLimits(new Date(at.getTime() - 24 * 60 * 60 * 1000), at);
      return statusOf(rows, at);
    },

    /**
     * A correct password clears the account's counter. The address counter stays: otherwise one
     * valid account would let its owner keep guessing other accounts' passwords.
     */
    async recordSuccess(attempt: Pick<LoginAttempt, "email">): Promise<void> {
      await clearRateLimit(accountKey(attempt.email));
    },
  };
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>;

export const loginLimiter = createLoginLimiter();
