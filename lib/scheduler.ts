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

/**
 * A credential for one kind of call this server makes to itself: a key derived from AUTH_SECRET
 * for that purpose only, sent in its own header.
 */
export function internalCall(purpose: string, header: string) {
  const token = (secret?: string) => sign(derivedKey(purpose, secret), purpose);
  return {
    token,
    /** Whether the request carries this call's credential (never true without AUTH_SECRET). */
    accepts(request: Request): boolean {
      const given = request.headers.get(header);
      if (!given) return false;
      try {
        return safeEqual(given, token());
      } catch {
        return false;
      }
    },
  };
}

const schedulerCall = internalCall("scheduler", SCHEDULER_HEADER);
export const schedulerToken = schedulerCall.token;
export const isSchedulerRequest = schedulerCall.accepts;

function origins(): string[] {
  const port = process.env.PORT || "3000";
  const list = [`http://127.0.0.1:${port}`];
  // Set by `next start` once listening (e.g. http://localhost:3000 when bound to a name).
  const own = process.env.__NEXT_PRIVATE_ORIGIN;
  if (own && !list.includes(own)) list.push(own);
  return list;
}

/**
 * POSTs to this server's own `path` (trying each address it may listen on), for work that needs a
 * request context. Resolves with the response, or null when no address answered.
 */
export async function callOwnServer(path: string, init: { headers: Record<string, string>; body?: string }): Promise<Response | null> {
  for (const origin of origins()) {
    try {
      return await fetch(`${origin}${path}`, { method: "POST", ...init, signal: AbortSignal.timeout(20_000) });
    } catch {
      // Not listening yet, or not on this address: try the next one.
    }
  }
  return null;
}

async function tick(): Promise<void> {
  try {
    const res = await callOwnServer(PUBLISH_DUE_PATH, { headers: { [SCHEDULER_HEADER]: schedulerToken() } });
    if (!res) return; // not listening yet: the next tick tries again
    if (res.ok) {
      const { published } = (await res.json()) as { published: number };
      if (published > 0) console.log(`scheduler: published ${published} scheduled article(s)`);
    } else {
      console.error(`scheduler: ${PUBLISH_DUE_PATH} answered ${res.status}`);
    }
  } catch (error) {
    console.error("scheduler: publishing due articles failed", error);
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
