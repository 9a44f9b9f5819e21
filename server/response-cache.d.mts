import type { IncomingMessage, ServerResponse } from "node:http";

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface ResponseCache {
  readonly stats: { hits: number; misses: number; stored: number; clears: number };
  clear(): void;
  handle(req: IncomingMessage, res: ServerResponse, next: Handler): unknown;
}

export declare function createResponseCache(options?: {
  maxBytes?: number;
  maxEntryBytes?: number;
  maxTtlMs?: number;
}): ResponseCache;
