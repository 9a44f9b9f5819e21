// @ts-check
/**
 * Where the app publishes requests it can answer in the server process itself, before Next's
 * request handler (server/main.mjs looks here on every request). The app sets it from
 * instrumentation.ts; the key is kept apart so importing it brings nothing else into Next's bundle.
 *
 * The value is a function `(method, url, headers) => answer | undefined`, an answer being
 * `{ status, headers, body }`; undefined passes the request on to Next.
 */
export const FAST_ROUTES_KEY = Symbol.for("dateline.fast-routes");
