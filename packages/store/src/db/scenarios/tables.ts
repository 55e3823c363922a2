/** Kysely's view of the scenario table (migration 20261211100000-scenarios). */

export interface ScenariosTable {
  dataset_id: number;
  name: string;
  /** The scenario file (format paraat-scenario) as JSON text, exactly as validated. */
  document: string;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
}

export interface ScenariosDatabase {
  scenarios: ScenariosTable;
}
