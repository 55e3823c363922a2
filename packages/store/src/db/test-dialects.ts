/**
 * Runs one test suite against every dialect: SQLite (a temporary file) and PostgreSQL (a fresh
 * database per call, dropped afterwards, so test files can run in parallel).
 *
 * PostgreSQL comes from env PARAAT_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 * If it cannot be reached the PostgreSQL tests fail with a message saying so; set PARAAT_TEST_PG=off
 * to skip them instead.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe } from "vitest";
import type { Dialect, Store } from "../store.js";
import { redactUrl } from "./location.js";
import { openStore } from "./open-store.js";

export const DEFAULT_TEST_PG_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export function testPostgresUrl(): string {
  return process.env.PARAAT_TEST_PG_URL || DEFAULT_TEST_PG_URL;
}

export function postgresTestsOff(): boolean {
  return process.env.PARAAT_TEST_PG === "off";
}

export interface DialectContext {
  readonly dialect: Dialect;
  /** A location (file path or URL) of a new, empty database, removed when the suite ends. */
  freshLocation(): Promise<string>;
  /** A store opened on a fresh database; closed after the current test. */
  openFresh(): Promise<Store>;
}

/** Declares `describe("<name> [sqlite]")` and `describe("<name> [postgres]")`, each calling `fn`. */
export function forEachDialect(name: string, fn: (ctx: DialectContext) => void): void {
  describe(`${name} [sqlite]`, () => fn(withStoreCleanup(sqliteContext())));
  if (postgresTestsOff()) {
    console.warn(`PostgreSQL tests of "${name}" skipped: PARAAT_TEST_PG=off`);
    describe.skip(`${name} [postgres] (skipped: PARAAT_TEST_PG=off)`, () => fn(withStoreCleanup(postgresContext())));
  } else {
    describe(`${name} [postgres]`, () => fn(withStoreCleanup(postgresContext())));
  }
}

type BaseContext = Omit<DialectContext, "openFresh">;

function withStoreCleanup(base: BaseContext): DialectContext {
  const open: Store[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return {
    ...base,
    async openFresh() {
      const store = await openStore(await base.freshLocation());
      open.push(store);
      return store;
    },
  };
}

function sqliteContext(): BaseContext {
  let dir: string | undefined;
  let n = 0;
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return {
    dialect: "sqlite",
    freshLocation() {
      dir ??= mkdtempSync(join(tmpdir(), "paraat-store-test-"));
      return Promise.resolve(join(dir, `test-${++n}.db`));
    },
  };
}

function postgresContext(): BaseContext {
  const adminUrl = testPostgresUrl();
  const created: string[] = [];
  let admin: pg.Client | undefined;
  beforeAll(async () => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
    } catch (e) {
      await client.end().catch(() => undefined);
      const reason = e instanceof Error ? e.message || String((e as { code?: unknown }).code) : String(e);
      throw new Error(
        `PostgreSQL is not reachable at ${redactUrl(adminUrl)} (${reason}). Start it (.ci/run does), point PARAAT_TEST_PG_URL at one, ` +
          `or set PARAAT_TEST_PG=off to skip the PostgreSQL tests.`,
        { cause: e },
      );
    }
    admin = client;
  });
  afterAll(async () => {
    if (admin === undefined) return;
    await admin.end();
    // In parallel, one connection each: every DROP DATABASE waits for a checkpoint, and concurrent ones share it.
    await Promise.all(created.splice(0).map((db) => dropDatabase(adminUrl, db)));
  });
  return {
    dialect: "postgres",
    async freshLocation() {
      if (admin === undefined) throw new Error("PostgreSQL admin connection missing (beforeAll failed)");
      const db = `paraat_test_${randomBytes(6).toString("hex")}`;
      await admin.query(`create database "${db}"`);
      created.push(db);
      const url = new URL(adminUrl);
      url.pathname = `/${db}`;
      return url.toString();
    },
  };
}

async function dropDatabase(adminUrl: string, db: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${db}" with (force)`);
  } finally {
    await client.end();
  }
}
