/**
 * Appends one audit entry through the connection of the transaction making the change, so the
 * entry and the change commit or roll back together.
 */
import type { Db } from "../store-db.js";
import type { AuditContext, AuditRecord } from "./types.js";

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

export async function appendAudit(trx: Db, context: AuditContext, record: AuditRecord): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      at: new Date().toISOString(),
      actor: context.actor,
      action: context.action,
      dataset: record.dataset ?? null,
      entity: record.entity ?? null,
      key: record.key ?? null,
      before: json(record.before),
      after: json(record.after),
    })
    .execute();
}
