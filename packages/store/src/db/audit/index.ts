export type { AuditContext, AuditEntry, AuditFilter, AuditRecord } from "./types.js";
export { DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT, type AuditLog } from "./audit-log.js";
