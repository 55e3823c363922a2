/**
 * The migrations, in code so they ship inside the package (no files looked up at run time).
 * Names are `<timestamp>-<name>`; Kysely runs them in name order.
 */
import type { Migration, MigrationProvider } from "kysely";
import type { Dialect } from "../../store.js";
import { initialSchema } from "./20261128100000-initial-schema.js";
import { accountsAudit } from "./20261128120000-accounts-audit.js";
import { datasetRevision } from "./20261210100000-dataset-revision.js";
import { scenarios } from "./20261211100000-scenarios.js";

export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    "20261128100000-initial-schema": initialSchema(dialect),
    "20261128120000-accounts-audit": accountsAudit(dialect),
    "20261210100000-dataset-revision": datasetRevision(dialect),
    // Named after the revision migration so that it runs after it on databases that have that one already.
    "20261211100000-scenarios": scenarios(dialect),
  };
}

export class InCodeMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}

  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(migrations(this.dialect));
  }
}
