/** Runs once when a server process starts: bring the database schema up to date. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { closeDb, runMigrations } = await import("./db");
  runMigrations();
  const { installGracefulShutdown } = await import("./lib/ops/shutdown");
  installGracefulShutdown({ closeDatabase: closeDb });
}
