/**
 * Loads .env files the way `next start` does (.env.production.local, .env.local,
 * .env.production, .env; variables already set win), so an operator's script sees the same
 * DATABASE_PATH as the server. Import it first, before anything that reads lib/env.ts.
 */
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV === "development", { info: () => {}, error: console.error });
