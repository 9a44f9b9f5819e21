// Lets the bench import the app's query modules outside Next: `server-only` is a marker that
// throws unless bundled for the server, so it resolves here to its empty server build.
import { register } from "node:module";

register("./server-only-hook.mjs", import.meta.url);
