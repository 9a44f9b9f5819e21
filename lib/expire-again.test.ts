import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { schedulerToken } from "./scheduler";
import {
  EXPIRE_AGAIN_DELAY_MS,
  EXPIRE_AGAIN_HEADER,
  EXPIRE_AGAIN_PATH,
  expireAgainToken,
  isExpireAgainRequest,
  scheduleExpireAgain,
} from "./expire-again";

const secret = "expire-again-test-secret-0123456789";
const original = process.env.AUTH_SECRET;
beforeEach(() => {
  process.env.AUTH_SECRET = secret;
});
afterEach(() => {
  process.env.AUTH_SECRET = original;
  vi.useRealTimers();
});

describe("the second expiry", () => {
  it("expires a change's tags once more after the delay, changes close together in one call", async () => {
    vi.useFakeTimers();
    const calls: string[][] = [];
    const post = async (tags: string[]) => void calls.push(tags);
    scheduleExpireAgain(["articles", "article:7"], { post });
    vi.advanceTimersByTime(EXPIRE_AGAIN_DELAY_MS - 500);
    scheduleExpireAgain(["article:7", "tag:russia"], { post });
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(calls).toEqual([["articles", "article:7", "tag:russia"]]);
    // A later change gets a call of its own.
    scheduleExpireAgain(["ads:sidebar"], { post });
    vi.advanceTimersByTime(EXPIRE_AGAIN_DELAY_MS);
    expect(calls).toEqual([["articles", "article:7", "tag:russia"], ["ads:sidebar"]]);
    scheduleExpireAgain([], { post });
    vi.advanceTimersByTime(EXPIRE_AGAIN_DELAY_MS);
    expect(calls).toHaveLength(2);
  });

  it("logs a failed call instead of throwing", async () => {
    vi.useFakeTimers();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    scheduleExpireAgain(["articles"], { post: () => Promise.reject(new Error("down")) });
    await vi.advanceTimersByTimeAsync(EXPIRE_AGAIN_DELAY_MS);
    expect(logged).toHaveBeenCalledWith("expire again failed", expect.any(Error));
    logged.mockRestore();
  });

  it("answers only this server's own key, which is not the scheduler's", () => {
    const request = (value?: string) =>
      new Request(`http://127.0.0.1${EXPIRE_AGAIN_PATH}`, { method: "POST", headers: value ? { [EXPIRE_AGAIN_HEADER]: value } : {} });
    expect(isExpireAgainRequest(request(expireAgainToken()))).toBe(true);
    expect(isExpireAgainRequest(request())).toBe(false);
    expect(isExpireAgainRequest(request(schedulerToken()))).toBe(false);
    expect(isExpireAgainRequest(request(expireAgainToken("another-secret-0123456789")))).toBe(false);
    delete process.env.AUTH_SECRET;
    expect(isExpireAgainRequest(request("x"))).toBe(false);
  });
});
