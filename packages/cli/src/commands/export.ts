import type { Command } from "commander";
import { exportDatasetFile } from "@paraat/services";
import { info, withStore, type GlobalOptions } from "../context.js";

export function registerExport(program: Command): void {
  program
    .command("export <file>")
    .description(
      "export a dataset to JSON (.json), an Excel workbook (.xlsx) or a folder of CSV files (a path without extension or ending in /)",
    )
    .action(async (file: string) => {
      const opts = program.opts<GlobalOptions>();
      await withStore(opts, async (store) => {
        const name = await store.resolveDatasetName(opts.dataset);
        await exportDatasetFile(store, name, file);
        info(opts, `exported ${name} to ${file}`);
      });
    });
}
