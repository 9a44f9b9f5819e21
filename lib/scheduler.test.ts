import { afterEach, describe, expect, it } from "vitest";
import { isSchedulerRequest, PUBLISH_DUE_PATH, SCHEDULER_HEADER, schedulerToken } from "./scheduler";

const secret = "scheduler-test-secret-0123456789";
const original = process.env.AUTH_SECRET;
afterEach(() => {
  process.env.AUTH_SECRET = original;
});

describe("scheduler credentials", () => {
  it("accepts only the key derived from this server's AUTH_SECRET", () => {
    process.env.AUTH_SECRET = secret;
    const request = (value?: string) =>
      new Request(`http://127.0.0.1${PUBLISH_DUE_PATH}`, { method: "POST", headers: value ? { [SCHEDULER_HEADER]: value } : {} });
    expect(isSchedulerRequest(request(schedulerToken()))).toBe(true);
    expect(isSchedulerRequest(request())).toBe(false);
    expect(isSchedulerRequest(request("guess"))).toBe(false);
    expect(isSchedulerRequest(request(schedulerToken("another-secret-0123456789")))).toBe(false);
  });

  it("differs from the secret itself and from preview signatures", () => {
    process.env.AUTH_SECRET = secret;
    expect(schedulerToken()).not.toContain(secret);
    expect(schedulerToken()).toMatch(/^[\w-]{43}$/);
  });

  it("refuses everything when no secret is configured", () => {
    delete process.env.AUTH_SECRET;
    const req = new Request(`http://127.0.0.1${PUBLISH_DUE_PATH}`, { method: "POST", headers: { [SCHEDULER_HEADER]: "x" } });
    expect(isSchedulerRequest(req)).toBe(false);
  });
});
