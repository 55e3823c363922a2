/**
 * Kysely's view of the tables it queries through the typed builder. The entity tables are
 * generic (their columns come from entity-tables.ts) and are queried with `sql` templates.
 */
import type { Generated } from "kysely";

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
}

export interface Database {
  datasets: DatasetsTable;
}

/** A row of an entity table as the driver returns it. */
export type DbRow = Record<string, unknown>;
