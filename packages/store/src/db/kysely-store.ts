/**
 * The Store on Kysely, the same code for SQLite and PostgreSQL. Each public method is one
 * transaction; entity rows keep the order they were saved in through the `ord` column.
 */
import { sql } from "kysely";
import {
  ParaatError,
  entityKey,
  entityKeys,
  entityNames,
  formatIssue,
  validateDataset,
  type Dataset,
  type EntityName,
  type EntityOf,
} from "@paraat/core";
import type { DatasetInfo, Dialect, EntityChange, Store } from "../store.js";
import { Accounts } from "./accounts/accounts.js";
import { appendAudit } from "./audit/append.js";
import { AuditLog } from "./audit/audit-log.js";
import { Scenarios } from "./scenarios/scenarios.js";
import type { AuditContext } from "./audit/types.js";
import { BatchInserter } from "./batch-insert.js";
import type { DatasetsTable, DbRow } from "./database.js";
import { entityTables, keyColumns } from "./entity-tables.js";
import { nextRevision } from "./revisions.js";
import { decodeRow, encodeRow } from "./row-codec.js";
import type { Db, StoreDb } from "./store-db.js";

type DatasetHead = Pick<
  DatasetsTable,
  "name" | "format" | "version" | "horizon_start" | "horizon_periods" | "description" | "created_at" | "updated_at" | "revision"
> & {
  id: number;
};

/** Column lists per table, dataset_id and ord first, as the inserts bind them. */
const insertColumns = Object.fromEntries(
  entityNames.map((e) => [e, ["dataset_id", "ord", ...entityTables[e].map((c) => c.column)]]),
) as Record<EntityName, string[]>;

const MAX_ISSUES_IN_MESSAGE = 3;

function countsOf(dataset: Dataset): Record<EntityName, number> {
  return Object.fromEntries(entityNames.map((e) => [e, dataset[e].length])) as Record<EntityName, number>;
}

function zeroCounts(): Record<EntityName, number> {
  return Object.fromEntries(entityNames.map((e) => [e, 0])) as Record<EntityName, number>;
}

function sameKey(entity: EntityName, a: object, b: object): boolean {
  return entityKeys[entity].every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

export class KyselyStore implements Store {
  readonly dialect: Dialect;
  readonly location: string;
  readonly accounts: Accounts;
  readonly audit: AuditLog;
  readonly scenarios: Scenarios;
  private readonly inserter: BatchInserter;
  private closed = false;

  constructor(private readonly sdb: StoreDb) {
    this.dialect = sdb.dialect;
    this.location = sdb.where.display;
    this.inserter = new BatchInserter(sdb.dialect);
    this.accounts = new Accounts(sdb);
    this.audit = new AuditLog(sdb);
    this.scenarios = new Scenarios(sdb);
  }

  /** The Kysely instance; for migrations and tests. Everything else goes through the methods. */
  get db(): Db {
    return this.sdb.db;
  }

  async listDatasets(): Promise<DatasetInfo[]> {
    return this.sdb.read("listing datasets", async (trx) => {
      const heads = await trx.selectFrom("datasets").selectAll().orderBy("name").execute();
      const counts = await this.countRows(trx);
      return heads.map((h) => ({
        name: h.name,
        createdAt: h.created_at,
        updatedAt: h.updated_at,
        counts: counts.get(h.id) ?? zeroCounts(),
      }));
    });
  }

  async saveDataset(dataset: Dataset, options: { replace?: boolean; audit?: AuditContext } = {}): Promise<DatasetInfo> {
    const name = dataset.name;
    return this.sdb.write(`saving dataset "${name}"`, async (trx) => {
      const now = new Date().toISOString();
      const existing = await this.findHead(trx, name, true);
      if (existing !== undefined && options.replace !== true)
        throw new ParaatError(
          "CONFLICT",
          `a dataset named "${name}" already exists in ${this.location}; replace it or choose another name`,
          {
            details: { dataset: name },
          },
        );
      const header = {
        name,
        format: dataset.format,
        version: dataset.version,
        horizon_start: dataset.horizon.start,
        horizon_periods: dataset.horizon.periods,
        description: dataset.description ?? null,
        updated_at: now,
        // Taken after the row lock above, so writes to one dataset get increasing revisions.
        revision: await nextRevision(trx, this.dialect),
      };
      let id: number;
      let createdAt = now;
      let replaced: unknown = null;
      if (existing !== undefined) {
        id = existing.id;
        createdAt = existing.created_at;
        if (options.audit) replaced = await this.auditState(trx, existing);
        for (const e of entityNames) await sql`delete from ${sql.table(e)} where dataset_id = ${id}`.execute(trx);
        await trx.updateTable("datasets").set(header).where("id", "=", id).execute();
      } else {
        const row = await trx
          .insertInto("datasets")
          .values({ ...header, created_at: now })
          .returning("id")
          .executeTakeFirstOrThrow();
        id = row.id;
      }
      for (const e of entityNames) {
        const columns = entityTables[e];
        const rows = (dataset[e] as object[]).map((r, ord) => [id, ord, ...encodeRow(columns, r, this.dialect)]);
        await this.inserter.insert(trx, e, insertColumns[e], rows);
      }
      const info = { name, createdAt, updatedAt: now, counts: countsOf(dataset) };
      if (options.audit) await appendAudit(trx, options.audit, { dataset: name, before: replaced, after: info });
      return info;
    });
  }

  async loadDataset(name: string): Promise<Dataset> {
    return this.sdb.read(`loading dataset "${name}"`, async (trx) => (await this.loadWith(trx, name, false)).dataset);
  }

  async deleteDataset(name: string, options: { audit?: AuditContext } = {}): Promise<void> {
    await this.sdb.write(`deleting dataset "${name}"`, async (trx) => {
      const head = await this.requireHead(trx, name, true);
      if (options.audit) await appendAudit(trx, options.audit, { dataset: name, before: await this.auditState(trx, head), after: null });
      // The entity tables follow through ON DELETE CASCADE.
      await trx.deleteFrom("datasets").where("id", "=", head.id).execute();
    });
  }

  async datasetRevision(name: string): Promise<number | undefined> {
    return this.sdb.run(`reading the revision of dataset "${name}"`, async () => {
      const row = await this.db.selectFrom("datasets").select("revision").where("name", "=", name).executeTakeFirst();
      return row === undefined ? undefined : Number(row.revision);
    });
  }

  async resolveDatasetName(name?: string): Promise<string> {
    return this.sdb.run("choosing the dataset", async () => {
      const names = await this.datasetNames(this.db);
      if (name !== undefined) {
        if (names.includes(name)) return name;
        throw this.notFound(name, names);
      }
      const [only, ...more] = names;
      if (only === undefined)
        throw new ParaatError(
          "NOT_FOUND",
          `the database ${this.location} holds no dataset; load one with \`paraat dataset load nl-2024\` or \`paraat import FILE\``,
          { details: { available: [] } },
        );
      if (more.length > 0)
        throw new ParaatError(
          "DATASET_AMBIGUOUS",
          `the database ${this.location} holds several datasets (${names.join(", ")}); use --dataset NAME to choose one`,
          {
            details: { available: names },
          },
        );
      return only;
    });
  }

  async putEntity<N extends EntityName>(
    datasetName: string,
    entity: N,
    row: EntityOf<N>,
    options: { audit?: AuditContext } = {},
  ): Promise<EntityChange<N>> {
    if (typeof row !== "object" || row === null)
      throw new ParaatError("INVALID_ARGUMENT", `a ${entity} row must be an object`, { details: { value: row } });
    const key = entityKey(entity, row);
    return this.sdb.write(`saving ${entity} "${key}" in dataset "${datasetName}"`, async (trx) => {
      const { id, dataset } = await this.loadWith(trx, datasetName, true);
      const list = dataset[entity] as EntityOf<N>[];
      const index = list.findIndex((r) => sameKey(entity, r, row));
      const before = index >= 0 ? list[index]! : null;
      const next = index >= 0 ? list.with(index, row) : [...list, row];
      const valid = this.validated({ ...dataset, [entity]: next }, `cannot save ${entity} "${key}" in dataset "${datasetName}"`);
      const after = valid[entity][index >= 0 ? index : next.length - 1] as EntityOf<N>;
      const columns = entityTables[entity];
      const values = encodeRow(columns, after, this.dialect);
      if (before !== null) {
        const sets = columns.filter((c) => !c.key).map((c) => sql`${sql.id(c.column)} = ${values[columns.indexOf(c)]}`);
        await sql`update ${sql.table(entity)} set ${sql.join(sets)} where ${this.keyFilter(entity, id, after)}`.execute(trx);
      } else {
        const ord = await sql<{
          next: number | string;
        }>`select coalesce(max(ord), -1) + 1 as next from ${sql.table(entity)} where dataset_id = ${id}`.execute(trx);
        await this.inserter.insert(trx, entity, insertColumns[entity], [[id, Number(ord.rows[0]?.next ?? 0), ...values]]);
      }
      await this.touch(trx, id);
      if (options.audit) await appendAudit(trx, options.audit, { dataset: datasetName, entity, key, before, after });
      return { entity, key, before, after };
    });
  }

  async deleteEntity<N extends EntityName>(
    datasetName: string,
    entity: N,
    key: string,
    options: { audit?: AuditContext } = {},
  ): Promise<EntityChange<N>> {
    return this.sdb.write(`deleting ${entity} "${key}" from dataset "${datasetName}"`, async (trx) => {
      const { id, dataset } = await this.loadWith(trx, datasetName, true);
      const list = dataset[entity] as EntityOf<N>[];
      const matches = list.flatMap((r, i) => (entityKey(entity, r) === key ? [i] : []));
      const [index, ...others] = matches;
      if (index === undefined)
        throw new ParaatError("NOT_FOUND", `dataset "${datasetName}" has no ${entity} "${key}"`, {
          details: { dataset: datasetName, entity, key },
        });
      if (others.length > 0)
        throw new ParaatError("INVALID_ARGUMENT", `the key "${key}" matches several ${entity} rows; their ids contain "/"`, {
          details: { entity, key },
        });
      const before = list[index]!;
      this.validated({ ...dataset, [entity]: list.toSpliced(index, 1) }, `cannot delete ${entity} "${key}" from dataset "${datasetName}"`);
      await sql`delete from ${sql.table(entity)} where ${this.keyFilter(entity, id, before)}`.execute(trx);
      await this.touch(trx, id);
      if (options.audit) await appendAudit(trx, options.audit, { dataset: datasetName, entity, key, before, after: null });
      return { entity, key, before, after: null };
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.destroy();
  }

  // --- helpers ---

  private validated(candidate: Dataset, what: string): Dataset {
    const result = validateDataset(candidate);
    if (result.ok) return result.dataset;
    const shown = result.issues.slice(0, MAX_ISSUES_IN_MESSAGE).map(formatIssue);
    const more = result.issues.length - shown.length;
    const n = result.issues.length;
    throw new ParaatError(
      "VALIDATION_FAILED",
      `${what}: ${n} problem${n === 1 ? "" : "s"}: ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`,
      {
        details: { issues: result.issues },
      },
    );
  }

  private keyFilter(entity: EntityName, datasetId: number, row: object): ReturnType<typeof sql> {
    const r = row as Record<string, unknown>;
    return sql.join(
      [sql`dataset_id = ${datasetId}`, ...keyColumns(entity).map((c) => sql`${sql.id(c.column)} = ${r[c.field]}`)],
      sql` and `,
    );
  }

  /** Marks a change to the dataset: a new revision and time. Call it after the dataset's row is locked. */
  private async touch(trx: Db, id: number): Promise<void> {
    const revision = await nextRevision(trx, this.dialect);
    await trx.updateTable("datasets").set({ updated_at: new Date().toISOString(), revision }).where("id", "=", id).execute();
  }

  private async datasetNames(db: Db): Promise<string[]> {
    const rows = await db.selectFrom("datasets").select("name").orderBy("name").execute();
    return rows.map((r) => r.name);
  }

  /** The dataset's row; on PostgreSQL `lock` holds it until commit so concurrent writers to one dataset queue. */
  private async findHead(db: Db, name: string, lock: boolean): Promise<DatasetHead | undefined> {
    const query = db.selectFrom("datasets").selectAll().where("name", "=", name);
    return (lock && this.dialect === "postgres" ? query.forUpdate() : query).executeTakeFirst();
  }

  private async requireHead(db: Db, name: string, lock: boolean): Promise<DatasetHead> {
    const head = await this.findHead(db, name, lock);
    if (head !== undefined) return head;
    throw this.notFound(name, await this.datasetNames(db));
  }

  private notFound(name: string, available: string[]): ParaatError {
    const listed = available.length > 0 ? `available: ${available.join(", ")}` : "the database holds no dataset yet";
    return new ParaatError("NOT_FOUND", `no dataset named "${name}" in ${this.location} (${listed})`, {
      details: { dataset: name, available },
    });
  }

  private async loadWith(db: Db, name: string, lock: boolean): Promise<{ id: number; dataset: Dataset }> {
    const head = await this.requireHead(db, name, lock);
    const dataset: Record<string, unknown> = {
      format: head.format,
      version: head.version,
      name: head.name,
      ...(head.description !== null ? { description: head.description } : {}),
      horizon: { start: head.horizon_start, periods: head.horizon_periods },
    };
    for (const e of entityNames) {
      const columns = entityTables[e];
      const result =
        await sql<DbRow>`select ${sql.join(columns.map((c) => sql.id(c.column)))} from ${sql.table(e)} where dataset_id = ${head.id} order by ord`.execute(
          db,
        );
      dataset[e] = result.rows.map((r) => decodeRow(columns, r));
    }
    return { id: head.id, dataset: dataset as Dataset };
  }

  /** A dataset as the audit log records it when it is replaced or deleted: its times and row counts. */
  private async auditState(db: Db, head: DatasetHead): Promise<Omit<DatasetInfo, "name">> {
    const counts = (await this.countRows(db)).get(head.id) ?? zeroCounts();
    return { createdAt: head.created_at, updatedAt: head.updated_at, counts };
  }

  private async countRows(db: Db): Promise<Map<number, Record<EntityName, number>>> {
    const parts = entityNames.map(
      (e) => sql`select dataset_id, ${sql.lit(e)} as entity, count(*) as n from ${sql.table(e)} group by dataset_id`,
    );
    const result = await sql<{ dataset_id: number; entity: EntityName; n: number | string }>`${sql.join(parts, sql` union all `)}`.execute(
      db,
    );
    const counts = new Map<number, Record<EntityName, number>>();
    for (const r of result.rows) {
      const c = counts.get(r.dataset_id) ?? zeroCounts();
      c[r.entity] = Number(r.n);
      counts.set(r.dataset_id, c);
    }
    return counts;
  }
}
