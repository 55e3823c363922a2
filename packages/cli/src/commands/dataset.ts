import type { Command } from "commander";
import { ParaatError } from "@paraat/core";
import { datasetToJson, readDatasetFile } from "@paraat/io";
import { importDatasetFile } from "@paraat/services";
import { info, print, withStore, type GlobalOptions } from "../context.js";
import { listSamples, samplePath } from "../samples.js";

export function registerDataset(program: Command): void {
  const dataset = program.command("dataset").description("list, load and delete the datasets in the database");

  dataset
    .command("list")
    .description("list the datasets in the database and the sample datasets that can be loaded")
    .action(async () => {
      const opts = program.opts<GlobalOptions>();
      const infos = await withStore(opts, (store) => store.listDatasets());
      print(opts, {
        json: { datasets: infos, samples: listSamples() },
        tables: [
          {
            title: "Datasets in the database",
            columns: [
              { key: "name", label: "name" },
              { key: "items", label: "items", align: "right" },
              { key: "supply", label: "supply options", align: "right" },
              { key: "targets", label: "targets", align: "right" },
              { key: "demands", label: "demands", align: "right" },
              { key: "updatedAt", label: "updated" },
            ],
            rows: infos.map((i) => ({ name: i.name, updatedAt: i.updatedAt, ...i.counts })),
          },
        ],
        notes: [`Sample datasets: ${listSamples().join(", ")} (load with: paraat dataset load NAME)`],
      });
    });

  dataset
    .command("load <name>")
    .description("load a shipped sample dataset (e.g. nl-2024) into the database")
    .option("--replace", "replace a stored dataset of the same name that differs from the sample")
    .action(async (name: string, cmd: { replace?: boolean }) => {
      const opts = program.opts<GlobalOptions>();
      const path = samplePath(name);
      await withStore(opts, async (store) => {
        const existing = (await store.listDatasets()).some((d) => d.name === name);
        if (existing && !cmd.replace) {
          const parsed = await readDatasetFile(path);
          if (!parsed.ok) throw new ParaatError("VALIDATION_FAILED", `sample ${name} is invalid`, { details: { issues: parsed.issues } });
          const stored = await store.loadDataset(name);
          if (datasetToJson(stored) === datasetToJson(parsed.dataset)) {
            info(opts, `dataset ${name} is already loaded and unchanged (${store.location})`);
            return;
          }
          throw new ParaatError(
            "CONFLICT",
            `dataset ${name} exists in ${store.location} and differs from the sample; use --replace to overwrite it`,
          );
        }
        const saved = await importDatasetFile(store, path, { replace: true });
        info(opts, `loaded ${saved.name} into ${store.location}: ${saved.counts.items} items, ${saved.counts.supply} supply options`);
      });
    });

  dataset
    .command("delete <name>")
    .description("delete a dataset from the database")
    .action(async (name: string) => {
      const opts = program.opts<GlobalOptions>();
      await withStore(opts, async (store) => {
        await store.deleteDataset(await store.resolveDatasetName(name));
        info(opts, `deleted ${name}`);
      });
    });
}
