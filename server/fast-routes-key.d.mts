import type { IncomingHttpHeaders } from "node:http";

export type FastAnswer = { status: number; headers: Record<string, string>; body: Buffer | null };
export type FastRoutes = (method: string, url: string, headers: IncomingHttpHeaders) => FastAnswer | undefined;
export declare const FAST_ROUTES_KEY: unique symbol;
