/**
 * Dataset revisions: every write to a dataset sets its `revision` to the next value of one
 * counter shared by all datasets, in the write's own transaction. A revision is never handed out
 * twice, so a deleted and re-created dataset never meets an old one, and (name, revision) names
 * one committed state of a dataset for every process on the database — a safe cache key.
 */
import { sql } from "kysely";
import type { Dialect } from "../store.js";
import type { Db } from "./store-db.js";

/** The PostgreSQL sequence (nextval takes no lock, so writers to different datasets do not queue). */
export const REVISION_SEQUENCE = "dataset_revision";
/** The SQLite one-row counter; SQLite writers are serialised anyway, so it costs no concurrency. */
export const REVISION_COUNTER_TABLE = "dataset_revision_counter";

/**
 * The next revision. Call it after taking the dataset's row lock, so writes to one dataset get
 * increasing revisions in commit order.
 */
export async function nextRevision(trx: Db, dialect: Dialect): Promise<number> {
  const query =
    dialect === "postgres"
      ? sql<{ revision: number | string }>`select nextval(${REVISION_SEQUENCE}) as revision`
      : sql<{ revision: number | string }>`update ${sql.table(REVISION_COUNTER_TABLE)} set last = last + 1 returning last as revision`;
  const row = (await query.execute(trx)).rows[0];
  if (row === undefined) throw new Error("the dataset revision counter is missing");
  return Number(row.revision);
}
