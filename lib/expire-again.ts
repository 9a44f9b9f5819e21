import { callOwnServer, internalCall } from "@/lib/scheduler";

/**
 * The second expiry after an editorial change. Next's cache judges a copy by its date: a page
 * render that read the database just before an editor's change and finished just after it would
 * be kept as fresh for its whole `s-maxage` (an unpublished article still on the front page for
 * minutes) if dated when stored. server/isr-cache-handler.cjs dates copies, in memory and on
 * disk, from the read that started their render, which closes that. This stays as a net for any
 * copy the handler cannot date (one whose render Next started without reading the cache first,
 * or a Next release that stores copies differently): every change expires its tags at once and
 * again EXPIRE_AGAIN_DELAY_MS later, when any render under way at the change has ended; the second
 * time through this server's own POST EXPIRE_AGAIN_PATH (revalidation needs a request context),
 * authenticated with a key derived from AUTH_SECRET. Changes close together share one call.
 */
export const EXPIRE_AGAIN_PATH = "/api/internal/expire-again";
export const EXPIRE_AGAIN_DELAY_MS = 2_000;
export const EXPIRE_AGAIN_HEADER = "x-dateline-expire-again";

const expireAgainCall = internalCall("expire-again", EXPIRE_AGAIN_HEADER);
export const expireAgainToken = expireAgainCall.token;
export const isExpireAgainRequest = expireAgainCall.accepts;

async function postToOwnServer(tags: string[]): Promise<void> {
  const res = await callOwnServer(EXPIRE_AGAIN_PATH, {
    headers: { [EXPIRE_AGAIN_HEADER]: expireAgainToken(), "content-type": "application/json" },
    body: JSON.stringify({ tags }),
  });
  if (res && !res.ok) console.error(`expire again: ${EXPIRE_AGAIN_PATH} answered ${res.status}`);
}

type Pending = { tags: Set<string>; timer?: NodeJS.Timeout };
const state = globalThis as unknown as { __datelineExpireAgain?: Pending };

/** Expires `tags` again after the delay; tags given meanwhile join the same call. */
export function scheduleExpireAgain(
  tags: Iterable<string>,
  options: { delayMs?: number; post?: (tags: string[]) => Promise<void> } = {},
): void {
  const pending = (state.__datelineExpireAgain ??= { tags: new Set() });
  for (const tag of tags) pending.tags.add(tag);
  if (pending.timer || pending.tags.size === 0) return;
  const post = options.post ?? postToOwnServer;
  pending.timer = setTimeout(() => {
    const due = [...pending.tags];
    pending.tags.clear();
    pending.timer = undefined;
    post(due).catch((error: unknown) => console.error("expire again failed", error));
  }, options.delayMs ?? EXPIRE_AGAIN_DELAY_MS);
  pending.timer.unref();
}
