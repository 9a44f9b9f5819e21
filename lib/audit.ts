import "server-only";
import type { DB } from "@/db";
import { insertAuditEntry, insertAuditEntryTx, type NewAuditEntry } from "@/db/queries/audit";
import { clientIpFrom } from "@/lib/auth/client-ip";

/**
 * Who did what, to which entity, from where. Action names are `<entity>.<verb>` in kebab case:
 * `auth.sign-in`, `auth.sign-in-failed`, `user.create`, `article.publish`, `settings.update`…
 */
export type AuditInput = {
  /** The signed-in user who acted; null for anonymous events such as a failed sign-in. */
  user: { id: number; email: string } | null;
  action: string;
  entityType?: string;
  entityId?: string | number | null;
  /** A short human-readable description, e.g. `Published "Title"` (truncated to 500 chars). */
  summary?: string;
  /** Client address; `requestIp()` gives it inside an action or route handler. */
  ip?: string;
  /** Who acted when there is no user, e.g. the email typed in a failed sign-in, or `cli`. */
  actor?: string;
};

function toRow(input: AuditInput): NewAuditEntry {
  return {
    at: new Date(),
    userId: input.user?.id ?? null,
    actor: (input.actor ?? input.user?.email ?? "").slice(0, 254),
    action: input.action.slice(0, 64),
    entityType: (input.entityType ?? "").slice(0, 64),
    entityId: input.entityId == null ? "" : String(input.entityId).slice(0, 64),
    summary: (input.summary ?? "").slice(0, 500),
    ip: (input.ip ?? "").slice(0, 64),
  };
}

/** Records an event on its own (outside a transaction), e.g. a sign-in. */
export async function recordAudit(input: AuditInput): Promise<void> {
  await insertAuditEntry(toRow({ ...input, ip: input.ip ?? (await requestIp()) }));
}

/**
 * Records a change inside `transaction((tx) => …)`, so the entry and the change commit or roll back
 * together. Synchronous like everything else inside the transaction: read the ip beforehand
 * with `await requestIp()`.
 */
export function recordAuditTx(tx: DB, input: AuditInput): void {
  insertAuditEntryTx(tx, toRow(input));
}

/** The client's address for the current request; empty outside a request (scripts, tests). */
export async function requestIp(): Promise<string> {
  try {
    const { headers } = await import("next/headers");
    return clientIpFrom(await headers());
  } catch {
    return "";
  }
}
