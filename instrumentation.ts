/** Runs once when a server process starts: bring the database schema up to date, start the scheduler. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { closeDb, runMigrations } = await import("./db");
  runMigrations();
  const { installGracefulShutdown } = await import("./lib/ops/shutdown");
  installGracefulShutdown({ closeDatabase: closeDb });
  // Not while `next build` prerenders pages: only a serving process publishes scheduled articles.
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    const { startScheduler } = await import("./lib/scheduler");
    startScheduler();
  }
}
