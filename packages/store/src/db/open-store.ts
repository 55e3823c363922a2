/** Opens the store at a location and brings its schema up to date. */
import type { Store } from "../store.js";
import { connect } from "./connect.js";
import { toStoreError } from "./db-errors.js";
import { KyselyStore } from "./kysely-store.js";
import { chooseLocation, parseLocation } from "./location.js";
import { migrateToLatest } from "./migrate.js";
import { StoreDb } from "./store-db.js";

export interface OpenStoreOptions {
  /** Run pending migrations (default true). Off only for tests of the migrations themselves. */
  migrate?: boolean;
}

/**
 * The store at `location`: a SQLite file path, or a `postgres://` / `postgresql://` URL. Without
 * one, env PARAAT_DB, else ./paraat.db. Runs the migrations on open.
 */
export async function openStore(location?: string, options: OpenStoreOptions = {}): Promise<Store> {
  return openKyselyStore(location, options);
}

/** openStore with the concrete class, which also exposes the Kysely instance (migrations, tests). */
export async function openKyselyStore(location?: string, options: OpenStoreOptions = {}): Promise<KyselyStore> {
  const where = parseLocation(chooseLocation(location));
  let store: KyselyStore;
  try {
    store = new KyselyStore(new StoreDb(connect(where), where));
  } catch (e) {
    throw toStoreError(e, where, "opening the database");
  }
  if (options.migrate === false) return store;
  try {
    await migrateToLatest(store.db, where.dialect);
  } catch (e) {
    await store.close().catch(() => undefined);
    throw toStoreError(e, where, "opening the database");
  }
  return store;
}
