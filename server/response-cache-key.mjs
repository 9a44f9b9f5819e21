// @ts-check
/**
 * Where the running server (server/main.mjs) publishes its response cache, so code inside Next
 * (lib/revalidate.ts) can empty it. Kept apart from the cache itself so that importing the key
 * brings nothing else into Next's bundle.
 */
export const RESPONSE_CACHE_KEY = Symbol.for("dateline.response-cache");
