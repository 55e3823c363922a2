/**
 * The typed database context every repository (datasets, accounts, audit) is constructed with:
 * the Kysely instance, its dialect and location, and the one way to run a transaction.
 */
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../store.js";
import type { Database } from "./database.js";
import { toStoreError } from "./db-errors.js";
import type { StoreLocation } from "./location.js";

export type Db = Kysely<Database>;

export class StoreDb {
  readonly dialect: Dialect;

  constructor(
    readonly db: Db,
    readonly where: StoreLocation,
  ) {
    this.dialect = where.dialect;
  }

  /** Runs fn, turning driver errors into ParaatErrors whose message starts with the action. */
  async run<T>(action: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw toStoreError(e, this.where, action);
    }
  }

  /** One read transaction: a consistent snapshot (REPEATABLE READ on PostgreSQL; a SQLite read transaction under WAL). */
  read<T>(action: string, fn: (trx: Db) => Promise<T>): Promise<T> {
    return this.run(action, () => this.transaction("read", fn));
  }

  /**
   * One write transaction. SQLite takes the write lock up front (BEGIN IMMEDIATE) so a
   * read-then-write transaction cannot fail half-way on a lock upgrade.
   */
  write<T>(action: string, fn: (trx: Db) => Promise<T>): Promise<T> {
    return this.run(action, () => this.transaction("write", fn));
  }

  private async transaction<T>(kind: "read" | "write", fn: (trx: Db) => Promise<T>): Promise<T> {
    if (this.dialect === "postgres") {
      return this.db
        .transaction()
        .setIsolationLevel(kind === "read" ? "repeatable read" : "read committed")
        .execute(fn);
    }
    return this.db.connection().execute(async (conn) => {
      await sql.raw(kind === "write" ? "begin immediate" : "begin").execute(conn);
      try {
        const result = await fn(conn);
        await sql.raw("commit").execute(conn);
        return result;
      } catch (e) {
        await sql.raw("rollback").execute(conn);
        throw e;
      }
    });
  }
}
