/** Reading the audit log. There is no way to change or remove an entry: the table's triggers refuse it too. */
import type { StoreDb } from "../store-db.js";
import type { AuditLogTable } from "./tables.js";
import type { AuditEntry, AuditFilter } from "./types.js";

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 1000;

type Row = { [K in keyof AuditLogTable]: K extends "id" ? number : AuditLogTable[K] };

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function toEntry(r: Row): AuditEntry {
  return {
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    action: r.action,
    dataset: r.dataset,
    entity: r.entity,
    key: r.key,
    before: parse(r.before),
    after: parse(r.after),
  };
}

export class AuditLog {
  constructor(private readonly access: StoreDb) {}

  /** Newest first. */
  async list(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const limit = Math.min(Math.max(1, Math.trunc(filter.limit ?? DEFAULT_AUDIT_LIMIT)), MAX_AUDIT_LIMIT);
    return this.access.run("reading the audit log", async () => {
      let q = this.access.db.selectFrom("audit_log").selectAll();
      if (filter.dataset !== undefined) q = q.where("dataset", "=", filter.dataset);
      if (filter.actor !== undefined) q = q.where("actor", "=", filter.actor);
      if (filter.before !== undefined) q = q.where("id", "<", filter.before);
      const rows = await q.orderBy("id", "desc").limit(limit).execute();
      return rows.map((r) => toEntry(r));
    });
  }
}
