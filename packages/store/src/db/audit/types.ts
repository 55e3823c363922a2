/** The audit log's vocabulary: who changed what, when, from what to what. */

/** Passed to a store write to have it append an audit entry in the same transaction. */
export interface AuditContext {
  /** The user (or `cli:<os user>`, `system`) making the change. */
  actor: string;
  /** What was done, e.g. `entity.update`, `dataset.import`, `user.create`. */
  action: string;
}

/** One row of the audit log, as read back. `before`/`after` are null for a creation/deletion. */
export interface AuditEntry {
  id: number;
  /** ISO 8601 time of the change. */
  at: string;
  actor: string;
  action: string;
  dataset: string | null;
  entity: string | null;
  key: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  dataset?: string;
  actor?: string;
  /** At most this many entries, newest first (default 100, at most 1000). */
  limit?: number;
  /** Only entries with an id below this one (to page back in time). */
  before?: number;
}

/** What a write records besides the context: the subject and its states. */
export interface AuditRecord {
  dataset?: string | null;
  entity?: string | null;
  key?: string | null;
  before: unknown;
  after: unknown;
}
