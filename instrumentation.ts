/** Runs once when a server process starts: bring the database schema up to date, start the scheduler, count ad impressions. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { closeDb, runMigrations } = await import("./db");
  runMigrations();
  const { flushImpressions, publishBeaconRoute } = await import("./lib/ads/impressions");
  const { installGracefulShutdown } = await import("./lib/ops/shutdown");
  // Impressions counted in memory are written before the database closes.
  installGracefulShutdown({ closeDatabase: () => (flushImpressions(), closeDb()) });
  // Not while `next build` prerenders pages: only a serving process publishes scheduled articles.
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    const { startScheduler } = await import("./lib/scheduler");
    startScheduler();
    // Answered before Next's router, by server/main.mjs or, under plain `next start`, by the
    // same in-process layer installed here (production only: development never caches).
    publishBeaconRoute();
    if (process.env.NODE_ENV === "production") {
      const { cacheSettings, createInProcessServing, installIntoHttpServers, servingInProcess } = await import(
        "./server/in-process.mjs"
      );
      if (!servingInProcess()) installIntoHttpServers(createInProcessServing(cacheSettings(process.env)).serve);
    }
  }
}
