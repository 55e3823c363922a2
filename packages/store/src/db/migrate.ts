/** Runs the in-code migrations; a failure becomes a ParaatError naming the migration. */
import { Migrator, NO_MIGRATIONS, type Kysely, type MigrationResultSet } from "kysely";
import { ParaatError } from "@paraat/core";
import type { Dialect } from "../store.js";
import { InCodeMigrationProvider } from "./migrations/index.js";

export { NO_MIGRATIONS };

function migrator<DB>(db: Kysely<DB>, dialect: Dialect): Migrator {
  return new Migrator({ db, provider: new InCodeMigrationProvider(dialect) });
}

function check(result: MigrationResultSet): string[] {
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName;
    const error = result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error));
    const message = error.message;
    if (/corrupted migrations/i.test(message))
      throw new ParaatError("STORE_FAILED", `the database was written by a newer version of Paraat (${message}); upgrade Paraat`, {
        cause: error,
      });
    if (failed !== undefined) throw new ParaatError("STORE_FAILED", `migration ${failed} failed: ${message}`, { cause: error });
    throw error;
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Brings the schema up to date; returns the names of the migrations it ran. */
export async function migrateToLatest<DB>(db: Kysely<DB>, dialect: Dialect): Promise<string[]> {
  return check(await migrator(db, dialect).migrateToLatest());
}

/** Migrates up or down to the named migration, or to an empty schema with NO_MIGRATIONS. */
export async function migrateTo<DB>(db: Kysely<DB>, dialect: Dialect, target: string | typeof NO_MIGRATIONS): Promise<string[]> {
  return check(await migrator(db, dialect).migrateTo(target));
}

/** Names of the migrations already applied, oldest first. */
export async function appliedMigrations<DB>(db: Kysely<DB>, dialect: Dialect): Promise<string[]> {
  const all = await migrator(db, dialect).getMigrations();
  return all.filter((m) => m.executedAt !== undefined).map((m) => m.name);
}
