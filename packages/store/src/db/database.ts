/**
 * Kysely's view of the tables it queries through the typed builder: the datasets, the accounts
 * and the audit log. The entity tables are generic (their columns come from entity-tables.ts)
 * and are queried with `sql` templates.
 */
import type { Generated } from "kysely";
import type { AccountsDatabase } from "./accounts/tables.js";
import type { AuditDatabase } from "./audit/tables.js";
import type { ScenariosDatabase } from "./scenarios/tables.js";

export interface DatasetsTable {
  id: Generated<number>;
  name: string;
  format: string;
  version: number;
  horizon_start: string;
  horizon_periods: number;
  description: string | null;
  created_at: string;
  updated_at: string;
  /** Set from one counter shared by all datasets on every write (migration 20261210100000-dataset-revision). */
  revision: number;
}

export interface Database extends AccountsDatabase, AuditDatabase, ScenariosDatabase {
  datasets: DatasetsTable;
}

/** A row of an entity table as the driver returns it. */
export type DbRow = Record<string, unknown>;
