/**
 * The repositories of accounts and audit work on the same database as the Store. They reach its
 * Kysely instance through the concrete KyselyStore, and run their writes as transactions in the
 * same way (BEGIN IMMEDIATE on SQLite, so a read-then-write never fails on a lock upgrade).
 */
import { sql, type Kysely } from "kysely";
import { ParaatError } from "@paraat/core";
import type { Store } from "../../store.js";
import { toStoreError } from "../db-errors.js";
import { KyselyStore } from "../kysely-store.js";
import type { StoreLocation } from "../location.js";

export interface DbAccess<DB> {
  readonly db: Kysely<DB>;
  readonly dialect: Store["dialect"];
  /** Runs fn, turning driver errors into ParaatErrors that name the action. */
  run<T>(action: string, fn: () => Promise<T>): Promise<T>;
  /** One write transaction. */
  write<T>(action: string, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T>;
}

export function dbAccess<DB>(store: Store): DbAccess<DB> {
  if (!(store instanceof KyselyStore))
    throw new ParaatError("INTERNAL", "accounts and audit need a store opened with openStore (a KyselyStore)");
  const db = store.db as unknown as Kysely<DB>;
  // The display form holds no password, so it serves as both target and display for error messages.
  const where: StoreLocation = { dialect: store.dialect, target: store.location, display: store.location };
  const run = async <T>(action: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw toStoreError(e, where, action);
    }
  };
  const write = <T>(action: string, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> =>
    run(action, () => {
      if (store.dialect === "postgres") return db.transaction().setIsolationLevel("read committed").execute(fn);
      return db.connection().execute(async (conn) => {
        await sql.raw("begin immediate").execute(conn);
        try {
          const result = await fn(conn);
          await sql.raw("commit").execute(conn);
          return result;
        } catch (e) {
          await sql.raw("rollback").execute(conn);
          throw e;
        }
      });
    });
  return { db, dialect: store.dialect, run, write };
}
