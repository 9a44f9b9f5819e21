import type { IncomingMessage, ServerResponse } from "node:http";
import type { Handler, ResponseCache } from "./response-cache.mjs";

export type Serve = (req: IncomingMessage, res: ServerResponse, next: Handler) => void;

export declare function cacheSettings(env: NodeJS.ProcessEnv): { ttlSeconds: number; cacheMb: number };
export declare function servingInProcess(): boolean;
export declare function createInProcessServing(settings: { ttlSeconds: number; cacheMb: number }): {
  cache: ResponseCache | null;
  serve: Serve;
};
export declare function installIntoHttpServers(serve: Serve): void;
