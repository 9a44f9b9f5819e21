import type { DB } from "@/db";
import { auditLog } from "@/db/schema";

export type AuditActor = { id: number; name: string; email?: string } | null;

/**
 * Writes an audit entry inside the caller's transaction, so the record and the change it
 * describes commit (or roll back) together. `null` actor: the scheduler.
 */
export function auditInTx(
  tx: DB,
  actor: AuditActor,
  entry: { action: string; entityType: string; entityId: string | number; summary: string },
): void {
  tx.insert(auditLog)
    .values({
      userId: actor?.id ?? null,
      actor: actor ? (actor.email ?? actor.name) : "scheduler",
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      summary: entry.summary.slice(0, 500),
    })
    .run();
}
