import { sqlite } from "@/db";
import { migrationLevel } from "./migrations";

export type Health = {
  httpStatus: 200 | 503;
  body:
    | { status: "ok"; database: "ok"; migrations: "current" }
    | { status: "error"; database: "ok"; pendingMigrations: string[]; unknownMigrations: number }
    | { status: "error"; database: "unreachable" };
};

/**
 * 200 when the database answers and its migrations match this release exactly; 503 when it is
 * unreachable, behind (migrations pending) or ahead (migrated by a newer release). Cheap enough
 * for a load balancer to call every few seconds: no table scans.
 */
export function checkHealth(): Health {
  try {
    const conn = sqlite();
    conn.prepare("select 1").get();
    const level = migrationLevel(conn);
    if (level.pending.length > 0 || level.unknown > 0) {
      return {
        httpStatus: 503,
        body: { status: "error", database: "ok", pendingMigrations: level.pending, unknownMigrations: level.unknown },
      };
    }
    return { httpStatus: 200, body: { status: "ok", database: "ok", migrations: "current" } };
  } catch (error) {
    console.error("health check failed", error);
    return { httpStatus: 503, body: { status: "error", database: "unreachable" } };
  }
}
