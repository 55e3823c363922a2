import type { Command } from "commander";
import { ParaatError, generateDataset, presets, type GenerateOptions } from "@paraat/core";
import { writeDatasetFile } from "@paraat/io";
import { info, type GlobalOptions } from "../context.js";

function int(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new ParaatError("INVALID_ARGUMENT", `--${name} must be a whole number ≥ 0; got "${value}"`);
    return n;
  };
}

export function registerGenerate(program: Command): void {
  program
    .command("generate")
    .description("write a synthetic dataset (deterministic for a seed) for scale tests")
    .option("--preset <preset>", `start from a preset: ${Object.keys(presets).join(", ")}`)
    .option("--end-items <n>", "number of end items", int("end-items"))
    .option("--depth <n>", "BOM depth (tiers below an end item)", int("depth"))
    .option("--sites <n>", "number of production sites", int("sites"))
    .option("--countries <n>", "number of countries", int("countries"))
    .option("--periods <n>", "planning horizon in months", int("periods"))
    .option("--seed <n>", "random seed", int("seed"))
    .option("--name <name>", "dataset name")
    .requiredOption("--out <file>", "output file (.json, .xlsx, or a folder for CSV)")
    .action(async (cmd: Partial<GenerateOptions> & { preset?: string; out: string; name?: string }) => {
      const opts = program.opts<GlobalOptions>();
      let base: GenerateOptions = presets.small;
      if (cmd.preset !== undefined) {
        const p = (presets as Record<string, GenerateOptions>)[cmd.preset];
        if (!p) throw new ParaatError("INVALID_ARGUMENT", `unknown preset "${cmd.preset}"; use one of ${Object.keys(presets).join(", ")}`);
        base = p;
      }
      const options: GenerateOptions = { ...base };
      for (const key of ["endItems", "depth", "sites", "countries", "periods", "seed"] as const) {
        const v = cmd[key];
        if (v !== undefined) options[key] = v;
      }
      if (cmd.name !== undefined) options.name = cmd.name;
      const dataset = generateDataset(options);
      await writeDatasetFile(dataset, cmd.out);
      info(
        opts,
        `wrote ${dataset.name} to ${cmd.out}: ${dataset.items.length} items, ${dataset.bom.length} BOM lines, ${dataset.supply.length} supply options`,
      );
    });
}
