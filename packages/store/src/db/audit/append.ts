/**
 * Appends one audit entry through the connection of the transaction making the change, so the
 * entry and the change commit or roll back together.
 */
import type { Kysely } from "kysely";
import type { AuditDatabase } from "./tables.js";
import type { AuditContext, AuditRecord } from "./types.js";

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database that has the audit_log table
export async function appendAudit(trx: Kysely<any>, context: AuditContext, record: AuditRecord): Promise<void> {
  await (trx as Kysely<AuditDatabase>)
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
