import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { ParaatError, entityNames } from "@paraat/core";
import type { EntityChange } from "@paraat/store";
import { info, print, withServices, type GlobalOptions } from "../context.js";

interface RowOptions {
  json?: string;
  file?: string;
}

/** The row given as --json TEXT or --file PATH (a JSON object, as the API's body). */
async function readRow(cmd: RowOptions): Promise<unknown> {
  if ((cmd.json === undefined) === (cmd.file === undefined))
    throw new ParaatError("INVALID_ARGUMENT", "give the row as either --json '{…}' or --file row.json");
  const text = cmd.json ?? (await readFile(cmd.file!, "utf8"));
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ParaatError("INVALID_ARGUMENT", `${cmd.file ?? "--json"} is not JSON: ${(e as Error).message}`);
  }
}

function changed(opts: GlobalOptions, verb: string, c: EntityChange): void {
  info(opts, `${verb} ${c.entity} ${c.key}`);
  print(opts, {
    json: c,
    tables: [
      {
        columns: [
          { key: "entity", label: "entity" },
          { key: "key", label: "key" },
          { key: "before", label: "before" },
          { key: "after", label: "after" },
        ],
        rows: [{ entity: c.entity, key: c.key, before: JSON.stringify(c.before), after: JSON.stringify(c.after) }],
      },
    ],
  });
}

/** Editing one row of a stored dataset, as the API's entity routes do: validated, one transaction, audited. */
export function registerEntity(program: Command): void {
  const entity = program
    .command("entity")
    .description(`add, change or delete one row of a stored dataset (entities: ${entityNames.join(", ")}); each change is audited`);

  entity
    .command("add <entity>")
    .description("add a row (CONFLICT if a row with its key exists)")
    .option("--json <row>", "the row as a JSON object")
    .option("--file <path>", "a file holding the row as a JSON object")
    .action(async (name: string, cmd: RowOptions) => {
      const opts = program.opts<GlobalOptions>();
      const row = await readRow(cmd);
      const c = await withServices(opts, async ({ services, actor }) =>
        services.datasets.createEntity(actor, await services.datasets.resolveName(actor, opts.dataset), name, row),
      );
      changed(opts, "added", c);
    });

  entity
    .command("update <entity> <key>")
    .description("replace the row with this key (its key cannot change); the whole dataset is checked again")
    .option("--json <row>", "the row as a JSON object")
    .option("--file <path>", "a file holding the row as a JSON object")
    .action(async (name: string, key: string, cmd: RowOptions) => {
      const opts = program.opts<GlobalOptions>();
      const row = await readRow(cmd);
      const c = await withServices(opts, async ({ services, actor }) =>
        services.datasets.updateEntity(actor, await services.datasets.resolveName(actor, opts.dataset), name, key, row),
      );
      changed(opts, "updated", c);
    });

  entity
    .command("delete <entity> <key>")
    .description("delete the row with this key (VALIDATION_FAILED if other rows still refer to it)")
    .action(async (name: string, key: string) => {
      const opts = program.opts<GlobalOptions>();
      const c = await withServices(opts, async ({ services, actor }) =>
        services.datasets.deleteEntity(actor, await services.datasets.resolveName(actor, opts.dataset), name, key),
      );
      changed(opts, "deleted", c);
    });
}
