import type { Command } from "commander";
import { ParaatError } from "@paraat/core";
import { readDatasetFile } from "@paraat/io";
import { info, print, type GlobalOptions } from "../context.js";

export function registerValidate(program: Command): void {
  program
    .command("validate <file>")
    .description("check a dataset file (JSON, .xlsx or CSV folder) without touching the database; lists every problem")
    .action(async (file: string) => {
      const opts = program.opts<GlobalOptions>();
      const result = await readDatasetFile(file);
      if (!result.ok) {
        throw new ParaatError("VALIDATION_FAILED", `${result.issues.length} problem${result.issues.length === 1 ? "" : "s"} in ${file}`, {
          details: { issues: result.issues },
        });
      }
      const d = result.dataset;
      info(opts, `${file} is a valid dataset`);
      print(opts, {
        json: { valid: true, name: d.name, items: d.items.length },
        tables: [
          {
            columns: [
              { key: "name", label: "dataset" },
              { key: "items", label: "items", align: "right" },
              { key: "valid", label: "valid" },
            ],
            rows: [{ name: d.name, items: d.items.length, valid: true }],
          },
        ],
      });
    });
}
