/** Kysely's view of the audit_log table (migration 20261128120000-accounts-audit). */
import type { Generated } from "kysely";

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  dataset: string | null;
  entity: string | null;
  key: string | null;
  before: string | null;
  after: string | null;
}

export interface AuditDatabase {
  audit_log: AuditLogTable;
}
