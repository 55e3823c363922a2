import type { Command } from "commander";
import { importDatasetFile } from "@paraat/services";
import { info, withStore, type GlobalOptions } from "../context.js";
import { progressBar } from "../progress.js";

export function registerImport(program: Command): void {
  program
    .command("import <file>")
    .description("import a dataset from JSON, an Excel workbook (.xlsx) or a folder of CSV files; all or nothing")
    .option("--name <name>", "store it under this name instead of the one in the file")
    .option("--replace", "replace a stored dataset of the same name")
    .action(async (file: string, cmd: { name?: string; replace?: boolean }) => {
      const opts = program.opts<GlobalOptions>();
      const bar = progressBar(!opts.quiet);
      try {
        const saved = await withStore(opts, (store) =>
          importDatasetFile(store, file, {
            ...(cmd.name ? { name: cmd.name } : {}),
            replace: cmd.replace ?? false,
            onProgress: bar.update,
          }),
        );
        bar.stop();
        info(
          opts,
          `imported ${saved.name}: ${Object.entries(saved.counts)
            .map(([k, v]) => `${v} ${k}`)
            .join(", ")}`,
        );
      } finally {
        bar.stop();
      }
    });
}
