/**
 * Shutdown of the server process. On SIGTERM/SIGINT `next start` stops accepting connections,
 * lets in-flight requests finish, then calls `process.exit(128 + signal)`. Two additions:
 *
 * - The database is closed on "exit", not on the signal, so those last requests can still use
 *   it. Closing the last connection checkpoints the WAL into the main file and removes the
 *   -wal, leaving one complete file for copies, restores and the next start.
 * - A grace period: Node keeps serving further requests on keep-alive connections until they
 *   have been idle for its keep-alive timeout, so a busy client (a proxy's connection pool) can
 *   hold the process open indefinitely. After the grace period the process exits anyway, with
 *   the same code and the same clean database close.
 */
export const SHUTDOWN_GRACE_MS = 10_000;

const EXIT_CODES = { SIGTERM: 143, SIGINT: 130 } as const;

export function installGracefulShutdown(options: { closeDatabase: () => void; graceMs?: number }): void {
  const flags = globalThis as unknown as { __datelineShutdownInstalled?: boolean };
  if (flags.__datelineShutdownInstalled) return;
  flags.__datelineShutdownInstalled = true;
  const graceMs = options.graceMs ?? SHUTDOWN_GRACE_MS;

  process.once("exit", () => {
    try {
      options.closeDatabase();
    } catch (error) {
      console.error("closing the database on exit failed", error);
    }
  });

  // With NEXT_MANUAL_SIG_HANDLE set, whoever set it owns the signals.
  if (process.env.NEXT_MANUAL_SIG_HANDLE) return;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        console.error(`${signal}: connections still open after ${graceMs} ms; exiting`);
        process.exit(EXIT_CODES[signal]);
      }, graceMs).unref();
    });
  }
}
