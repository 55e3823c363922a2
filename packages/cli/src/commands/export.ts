import type { Command } from "commander";
import { writeDatasetFile } from "@paraat/io";
import { info, withServices, type GlobalOptions } from "../context.js";

export function registerExport(program: Command): void {
  program
    .command("export <file>")
    .description(
      "export a dataset to JSON (.json), an Excel workbook (.xlsx) or a folder of CSV files (a path without extension or ending in /)",
    )
    .action(async (file: string) => {
      const opts = program.opts<GlobalOptions>();
      await withServices(opts, async ({ services, actor }) => {
        const name = await services.datasets.resolveName(actor, opts.dataset);
        await writeDatasetFile(await services.datasets.get(actor, name), file);
        info(opts, `exported ${name} to ${file}`);
      });
    });
}
