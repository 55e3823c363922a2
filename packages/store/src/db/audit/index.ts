export type { AuditContext, AuditEntry, AuditFilter, AuditRecord } from "./types.js";
export { AuditLog, DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT } from "./audit-log.js";
export { datasetStamp } from "./dataset-stamps.js";
