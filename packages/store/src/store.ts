import type { Dataset, EntityName, EntityOf } from "@paraat/core";
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
  listDatasets(): Promise<DatasetInfo[]>;
  /** Writes a whole (already validated) dataset in one transaction. CONFLICT if the name exists and replace is not set. */
  saveDataset(dataset: Dataset, options?: { replace?: boolean; audit?: AuditContext }): Promise<DatasetInfo>;
  /** NOT_FOUND if there is no such dataset. Rows come back in the order they were saved. */
  loadDataset(name: string): Promise<Dataset>;
  deleteDataset(name: string, options?: { audit?: AuditContext }): Promise<void>;
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
