/**
 * Scenarios, stored with their dataset (never a copy of it): one row per (dataset, name) with the
 * scenario file as JSON text. Deleting a dataset deletes its scenarios (ON DELETE CASCADE);
 * replacing it keeps them (the dataset keeps its id).
 */
import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../../store.js";

export function scenarios(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("scenarios")
        .addColumn("dataset_id", "integer", (c) => c.notNull().references("datasets.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("document", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("updated_by", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("scenarios_pk", ["dataset_id", "name"])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("scenarios").execute();
    },
  };
}
