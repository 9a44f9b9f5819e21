import { beforeAll, describe, expect, it } from "vitest";
import { runMigrations, sqlite } from "@/db";
import { createLoginLimiter, tooManyAttemptsMessage } from "./rate-limit";

const MINUTE = 60_000;
const limits = {
  account: { max: 3, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
  address: { max: 5, windowMs: 15 * MINUTE, blockMs: 10 * MINUTE },
};

function clock(start = Date.UTC(2025, 6, 11, 9, 0, 0)) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

beforeAll(() => runMigrations());

describe("login rate limiter", () => {
  it("blocks an account after a handful of failures, for the block period", async () => {
    const c = clock();
    const limiter = createLoginLimiter({ now: c.now, limits });
    const attempt = { email: "Victim@Example.com", ip: "198.51.100.1" };
    expect(await limiter.check(attempt)).toEqual({ blocked: false });
    expect(await limiter.recordFailure(attempt)).toEqual({ blocked: false });
    c.advance(MINUTE);
    expect(await limiter.recordFailure(attempt)).toEqual({ blocked: false });
    c.advance(MINUTE);
    expect(await limiter.recordFailure(attempt)).toEqual({ blocked: true, retryAfterMs: 15 * MINUTE });
    // Same account from another address, different letter case: still blocked.
    c.advance(5 * MINUTE);
    expect(await limiter.check({ email: "victim@example.com", ip: "203.0.113.50" })).toEqual({
      blocked: true,
      retryAfterMs: 10 * MINUTE,
    });
    c.advance(10 * MINUTE);
    expect(await limiter.check(attempt)).toEqual({ blocked: false });
  });

  it("forgets failures once their window has passed", async () => {
    const c = clock();
    const limiter = createLoginLimiter({ now: c.now, limits });
    const attempt = { email: "slow@example.com", ip: "198.51.100.2" };
    await limiter.recordFailure(attempt);
    await limiter.recordFailure(attempt);
    c.advance(16 * MINUTE);
    expect(await limiter.recordFailure(attempt)).toEqual({ blocked: false });
    expect(await limiter.recordFailure(attempt)).toEqual({ blocked: false });
  });

  it("a correct password clears the account's counter but not the address's", async () => {
    const c = clock();
    const limiter = createLoginLimiter({ now: c.now, limits });
    const ip = "198.51.100.3";
    await limiter.recordFailure({ email: "owner@example.com", ip });
    await limiter.recordFailure({ email: "owner@example.com", ip });
    await limiter.recordSuccess({ email: "owner@example.com" });
    expect(await limiter.recordFailure({ email: "owner@example.com", ip })).toEqual({ blocked: false });
    // Address: 3 failures so far; two more on other accounts reach its limit of 5.
    await limiter.recordFailure({ email: "other1@example.com", ip });
    expect(await limiter.recordFailure({ email: "other2@example.com", ip })).toEqual({
      blocked: true,
      retryAfterMs: 10 * MINUTE,
    });
    expect(await limiter.check({ email: "fresh@example.com", ip })).toMatchObject({ blocked: true });
    expect(await limiter.check({ email: "fresh@example.com", ip: "198.51.100.4" })).toEqual({ blocked: false });
  });

  it("does not extend a block with attempts made while blocked", async () => {
    const c = clock();
    const limiter = createLoginLimiter({ now: c.now, limits });
    const attempt = { email: "hammer@example.com", ip: "198.51.100.5" };
    for (let i = 0; i < 3; i++) await limiter.recordFailure(attempt);
    c.advance(14 * MINUTE);
    expect(await limiter.recordFailure(attempt)).toEqual({ blocked: true, retryAfterMs: MINUTE });
  });

  it("keeps its counters in the database, so a new limiter (a restart) sees them", async () => {
    const c = clock();
    const attempt = { email: "restart@example.com", ip: "198.51.100.6" };
    const first = createLoginLimiter({ now: c.now, limits });
    for (let i = 0; i < 3; i++) await first.recordFailure(attempt);
    const second = createLoginLimiter({ now: c.now, limits });
    expect(await second.check(attempt)).toMatchObject({ blocked: true });
    const row = sqlite().prepare("select count from rate_limits where key = ?").get("login:account:restart@example.com");
    expect(row).toEqual({ count: 3 });
  });

  it("prunes counters from other days", async () => {
    const c = clock();
    const limiter = createLoginLimiter({ now: c.now, limits });
    await limiter.recordFailure({ email: "old@example.com", ip: "198.51.100.7" });
    c.advance(25 * 60 * MINUTE);
    await limiter.recordFailure({ email: "new@example.com", ip: "198.51.100.8" });
    const keys = sqlite().prepare("select key from rate_limits where key like '%.7' or key like '%old@%'").all();
    expect(keys).toEqual([]);
  });

  it("says how long to wait in whole minutes", () => {
    expect(tooManyAttemptsMessage(15 * MINUTE)).toBe("Too many attempts. Try again in 15 minutes.");
    expect(tooManyAttemptsMessage(61_000)).toBe("Too many attempts. Try again in 2 minutes.");
    expect(tooManyAttemptsMessage(5_000)).toBe("Too many attempts. Try again in 1 minute.");
  });
});
