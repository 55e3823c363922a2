/**
 * A revision per dataset: an integer set by every write from one counter shared by all datasets
 * (see revisions.ts), a sequence on PostgreSQL and a one-row table on SQLite. Existing datasets get
 * distinct revisions and the counter starts above them.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "../../store.js";
import { REVISION_COUNTER_TABLE, REVISION_SEQUENCE } from "../revisions.js";

export function datasetRevision(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // The default only fills the rows that exist now; every write sets the column itself.
      await db.schema
        .alterTable("datasets")
        .addColumn("revision", dialect === "postgres" ? "bigint" : "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      if (dialect === "postgres") {
        await sql`create sequence ${sql.id(REVISION_SEQUENCE)} as bigint`.execute(db);
        await sql`update datasets set revision = nextval(${REVISION_SEQUENCE})`.execute(db);
      } else {
        await db.schema
          .createTable(REVISION_COUNTER_TABLE)
          .addColumn("last", "integer", (c) => c.notNull())
          .modifyEnd(sql`strict`)
          .execute();
        // Dataset ids are AUTOINCREMENT, never reused: distinct revisions, and the counter continues above them.
        await sql`update datasets set revision = id`.execute(db);
        await sql`insert into ${sql.table(REVISION_COUNTER_TABLE)} (last) select coalesce(max(id), 0) from datasets`.execute(db);
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (dialect === "postgres") await sql`drop sequence ${sql.id(REVISION_SEQUENCE)}`.execute(db);
      else await db.schema.dropTable(REVISION_COUNTER_TABLE).execute();
      await db.schema.alterTable("datasets").dropColumn("revision").execute();
    },
  };
}
