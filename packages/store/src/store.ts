import type { Dataset, EntityName, EntityOf } from "@paraat/core";
import type { Accounts } from "./db/accounts/accounts.js";
import type { AuditLog } from "./db/audit/audit-log.js";
import type { Scenarios } from "./db/scenarios/scenarios.js";
import type { AuditContext } from "./db/audit/types.js";

export type Dialect = "sqlite" | "postgres";

export interface DatasetInfo {
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Rows per entity collection. */
  counts: Record<EntityName, number>;
}

export interface EntityChange<N extends EntityName = EntityName> {
  entity: N;
  key: string;
  before: EntityOf<N> | null;
  after: EntityOf<N> | null;
}

/**
 * Everything the services need from the database. All SQL lives behind this interface;
 * each method that writes is one transaction. Given `audit`, a write appends its audit entry
 * (who, what, before → after) inside that same transaction.
 */
export interface Store {
  readonly dialect: Dialect;
  /** Human-readable location (file path or URL without password). */
  readonly location: string;
  /** Users, sessions and API tokens, on the same database. */
  readonly accounts: Accounts;
  /** The append-only log of changes, on the same database. */
  readonly audit: AuditLog;
  /** Scenarios, stored with their dataset (deleted with it). */
  readonly scenarios: Scenarios;
  listDatasets(): Promise<DatasetInfo[]>;
  /** Writes a whole (already validated) dataset in one transaction. CONFLICT if the name exists and replace is not set. */
  saveDataset(dataset: Dataset, options?: { replace?: boolean; audit?: AuditContext }): Promise<DatasetInfo>;
  /** NOT_FOUND if there is no such dataset. Rows come back in the order they were saved. */
  loadDataset(name: string): Promise<Dataset>;
  deleteDataset(name: string, options?: { audit?: AuditContext }): Promise<void>;
  /**
   * The dataset's revision, or undefined when there is no such dataset. Every write to the dataset
   * gives it a new one, never used before by any dataset on this database: caches key on it.
   */
  datasetRevision(name: string): Promise<number | undefined>;
  /** The named dataset; or the only one when no name is given (NOT_FOUND if none, DATASET_AMBIGUOUS if several). */
  resolveDatasetName(name?: string): Promise<string>;
  /** Inserts or replaces one row by its key; the whole dataset is re-validated in the transaction (VALIDATION_FAILED, nothing written). */
  putEntity<N extends EntityName>(
    dataset: string,
    entity: N,
    row: EntityOf<N>,
    options?: { audit?: AuditContext },
  ): Promise<EntityChange<N>>;
  /** Deletes one row by its key (as entityKey gives it); VALIDATION_FAILED if others still refer to it. */
  deleteEntity<N extends EntityName>(dataset: string, entity: N, key: string, options?: { audit?: AuditContext }): Promise<EntityChange<N>>;
  close(): Promise<void>;
}
