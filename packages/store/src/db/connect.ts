/** Creates the Kysely instance for a location: better-sqlite3 for a file, a pg pool for a URL. */
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database as Schema } from "./database.js";
import type { StoreLocation } from "./location.js";

const INT8_OID = 20;

/**
 * pg returns int8 (bigint columns, count(*)) as strings to protect large values; the model only
 * holds safe integers, so numbers are exact. Set per pool, not globally, so other pg users are unaffected.
 */
type Parser = (value: string) => unknown;
const defaultParser = pg.types.getTypeParser as (oid: number, format: "text" | "binary") => Parser;
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format: "text" | "binary" = "text"): Parser =>
    oid === INT8_OID && format === "text" ? (v: string) => Number(v) : defaultParser(oid, format),
};

export function connect(where: StoreLocation): Kysely<Schema> {
  return where.dialect === "postgres" ? connectPostgres(where.target) : connectSqlite(where.target);
}

function connectSqlite(path: string): Kysely<Schema> {
  const database = new Database(path);
  try {
    // WAL lets readers (the web app) work while a writer (an import) runs; NORMAL sync is safe with WAL.
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    database.pragma("foreign_keys = ON");
    database.pragma("busy_timeout = 5000");
  } catch (e) {
    database.close();
    throw e;
  }
  return new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
}

function connectPostgres(url: string): Kysely<Schema> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000, types: pgTypes });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
}
