/**
 * The repository of scenarios. All SQL for scenarios is here; parsing and validating the file is
 * core's (parseScenario), who may write is the services'. Every write can append its audit entry
 * (before → after, the whole file) in the same transaction.
 */
import { ParaatError, type Scenario } from "@paraat/core";
import { appendAudit } from "../audit/append.js";
import type { AuditContext } from "../audit/types.js";
import type { Db, StoreDb } from "../store-db.js";
import type { ScenariosTable } from "./tables.js";
import type { ScenarioRecord } from "./types.js";

function toRecord(dataset: string, r: ScenariosTable): ScenarioRecord {
  return {
    dataset,
    name: r.name,
    scenario: JSON.parse(r.document) as Scenario,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
    updatedBy: r.updated_by,
  };
}

export class Scenarios {
  constructor(private readonly access: StoreDb) {}

  /** The scenarios of a dataset by name; NOT_FOUND if there is no such dataset. */
  async list(dataset: string): Promise<ScenarioRecord[]> {
    return this.access.read(`listing the scenarios of dataset "${dataset}"`, async (trx) => {
      const id = await datasetId(trx, dataset);
      const rows = await trx.selectFrom("scenarios").selectAll().where("dataset_id", "=", id).orderBy("name").execute();
      return rows.map((r) => toRecord(dataset, r));
    });
  }

  /** NOT_FOUND if the dataset or the scenario does not exist. */
  async get(dataset: string, name: string): Promise<ScenarioRecord> {
    return this.access.read(`reading scenario "${name}" of dataset "${dataset}"`, async (trx) => {
      const id = await datasetId(trx, dataset);
      const row = await trx.selectFrom("scenarios").selectAll().where("dataset_id", "=", id).where("name", "=", name).executeTakeFirst();
      if (row === undefined) throw notFound(dataset, name);
      return toRecord(dataset, row);
    });
  }

  /** Creates or replaces the scenario named scenario.name; `create` refuses one that exists (CONFLICT). */
  async put(
    dataset: string,
    scenario: Scenario,
    options: { actor: string; create?: boolean; audit?: AuditContext; now?: string },
  ): Promise<{ before: ScenarioRecord | null; after: ScenarioRecord }> {
    const name = scenario.name;
    return this.access.write(`saving scenario "${name}" of dataset "${dataset}"`, async (trx) => {
      const id = await datasetId(trx, dataset);
      const now = options.now ?? new Date().toISOString();
      const existing = await trx
        .selectFrom("scenarios")
        .selectAll()
        .where("dataset_id", "=", id)
        .where("name", "=", name)
        .executeTakeFirst();
      if (existing !== undefined && options.create === true)
        throw new ParaatError("CONFLICT", `dataset "${dataset}" already has a scenario named "${name}"`, {
          details: { dataset, scenario: name },
        });
      const document = JSON.stringify(scenario);
      if (existing === undefined)
        await trx
          .insertInto("scenarios")
          .values({
            dataset_id: id,
            name,
            document,
            created_at: now,
            updated_at: now,
            created_by: options.actor,
            updated_by: options.actor,
          })
          .execute();
      else
        await trx
          .updateTable("scenarios")
          .set({ document, updated_at: now, updated_by: options.actor })
          .where("dataset_id", "=", id)
          .where("name", "=", name)
          .execute();
      const before = existing === undefined ? null : toRecord(dataset, existing);
      const after: ScenarioRecord = {
        dataset,
        name,
        scenario,
        createdAt: existing?.created_at ?? now,
        updatedAt: now,
        createdBy: existing?.created_by ?? options.actor,
        updatedBy: options.actor,
      };
      if (options.audit)
        await appendAudit(trx, options.audit, {
          dataset,
          entity: "scenarios",
          key: name,
          before: before?.scenario ?? null,
          after: scenario,
        });
      return { before, after };
    });
  }

  /** NOT_FOUND if there is no such scenario. */
  async delete(dataset: string, name: string, options: { audit?: AuditContext } = {}): Promise<ScenarioRecord> {
    return this.access.write(`deleting scenario "${name}" of dataset "${dataset}"`, async (trx) => {
      const id = await datasetId(trx, dataset);
      const row = await trx.selectFrom("scenarios").selectAll().where("dataset_id", "=", id).where("name", "=", name).executeTakeFirst();
      if (row === undefined) throw notFound(dataset, name);
      await trx.deleteFrom("scenarios").where("dataset_id", "=", id).where("name", "=", name).execute();
      const before = toRecord(dataset, row);
      if (options.audit)
        await appendAudit(trx, options.audit, { dataset, entity: "scenarios", key: name, before: before.scenario, after: null });
      return before;
    });
  }
}

async function datasetId(trx: Db, dataset: string): Promise<number> {
  const row = await trx.selectFrom("datasets").select("id").where("name", "=", dataset).executeTakeFirst();
  if (row === undefined) throw new ParaatError("NOT_FOUND", `no dataset named "${dataset}"`, { details: { dataset } });
  return Number(row.id);
}

function notFound(dataset: string, name: string): ParaatError {
  return new ParaatError("NOT_FOUND", `dataset "${dataset}" has no scenario named "${name}"`, { details: { dataset, scenario: name } });
}
