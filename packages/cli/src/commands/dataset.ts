import type { Command } from "commander";
import { info, print, withServices, type GlobalOptions } from "../context.js";
import { listSamples, samplePath } from "../samples.js";

export function registerDataset(program: Command): void {
  const dataset = program.command("dataset").description("list, load and delete the datasets in the database");

  dataset
    .command("list")
    .description("list the datasets in the database and the sample datasets that can be loaded")
    .action(async () => {
      const opts = program.opts<GlobalOptions>();
      const infos = await withServices(opts, ({ services, actor }) => services.datasets.list(actor));
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
      await withServices(opts, async ({ services, actor }) => {
        const { info: saved, unchanged } = await services.datasets.loadFile(actor, path, { replace: cmd.replace ?? false });
        const where = services.store.location;
        if (unchanged) info(opts, `dataset ${saved.name} is already loaded and unchanged (${where})`);
        else info(opts, `loaded ${saved.name} into ${where}: ${saved.counts.items} items, ${saved.counts.supply} supply options`);
      });
    });

  dataset
    .command("delete <name>")
    .description("delete a dataset from the database")
    .action(async (name: string) => {
      const opts = program.opts<GlobalOptions>();
      await withServices(opts, async ({ services, actor }) => {
        await services.datasets.deleteDataset(actor, await services.datasets.resolveName(actor, name));
        info(opts, `deleted ${name}`);
      });
    });
}
