/** Reading the audit log (admins). Entries are written by the store in the transaction of each change; nothing here changes them. */
import type { AuditEntry, AuditFilter, AuditLog } from "@paraat/store";
import type { Actor } from "./actor.js";
import { requirePermission } from "./permissions.js";

export class AuditService {
  constructor(private readonly log: AuditLog) {}

  async list(actor: Actor, filter: AuditFilter = {}): Promise<AuditEntry[]> {
    requirePermission(actor, "audit:read");
    return this.log.list(filter);
  }
}
