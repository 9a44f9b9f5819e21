import { derivedKey, safeEqual, sign } from "@/lib/articles/secrets";

/**
 * Publishes scheduled articles when their time comes, with nobody in the admin. A timer in the
 * server process (started from instrumentation.ts) calls this server's own
 * POST /api/internal/publish-due: cache revalidation needs a request context, which a bare timer
 * does not have. The call is authenticated with a key derived from AUTH_SECRET.
 */
export const SCHEDULER_INTERVAL_MS = 30_000;
export const PUBLISH_DUE_PATH = "/api/internal/publish-due";
export const SCHEDULER_HEADER = "x-dateline-scheduler";

export function schedulerToken(secret?: string): string {
  return sign(derivedKey("scheduler", secret), "publish-due");
}

export function isSchedulerRequest(request: Request): boolean {
  const given = request.headers.get(SCHEDULER_HEADER);
  if (!given) return false;
  try {
    return safeEqual(given, schedulerToken());
  } catch {
    return false;
  }
}

function origins(): string[] {
  const port = process.env.PORT || "3000";
  const list = [`http://127.0.0.1:${port}`];
  // Set by `next start` once listening (e.g. http://localhost:3000 when bound to a name).
  const own = process.env.__NEXT_PRIVATE_ORIGIN;
  if (own && !list.includes(own)) list.push(own);
  return list;
}

async function tick(): Promise<void> {
  for (const origin of origins()) {
    try {
      const res = await fetch(`${origin}${PUBLISH_DUE_PATH}`, {
        method: "POST",
        headers: { [SCHEDULER_HEADER]: schedulerToken() },
        signal: AbortSignal.timeout(20_000),
      });
      if (res.ok) {
        const { published } = (await res.json()) as { published: number };
        if (published > 0) console.log(`scheduler: published ${published} scheduled article(s)`);
      } else {
        console.error(`scheduler: ${PUBLISH_DUE_PATH} answered ${res.status}`);
      }
      return;
    } catch {
      // Not listening yet, or not on this address: try the next one, then the next tick.
    }
  }
}

const state = globalThis as unknown as { __datelineScheduler?: NodeJS.Timeout };

/** Starts the timer once per process: a first check right after start-up, then every 30 s. */
export function startScheduler(intervalMs = SCHEDULER_INTERVAL_MS): void {
  if (state.__datelineScheduler) return;
  try {
    schedulerToken();
  } catch (error) {
    console.error(`scheduler not started: ${(error as Error).message}`);
    return;
  }
  // Start-up: the server may take a moment to listen; check a few times early on.
  for (const delay of [1_000, 5_000, 15_000]) setTimeout(() => void tick(), delay).unref();
  state.__datelineScheduler = setInterval(() => void tick(), intervalMs);
  state.__datelineScheduler.unref();
}
