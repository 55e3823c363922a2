/**
 * A folder of CSV files: dataset.csv plus one <collection>.csv per collection, with the same
 * columns and cell conventions as the workbook's sheets. UTF-8 with a byte-order mark so Excel
 * shows accents and non-Latin names correctly.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Options } from "csv-parse";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { ParaatError, type Dataset } from "@paraat/core";
import type { CellOut } from "./codecs.js";
import { tablesToDataset, type Table } from "./from-tables.js";
import { datasetToTables } from "./to-tables.js";
import type { ImportResult, ReadOptions } from "./types.js";

const csvValue = (v: CellOut): string => (v === undefined ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v));

/** The CSV text of each file, by file name. */
export function datasetToCsvFiles(dataset: Dataset): Map<string, string> {
  const files = new Map<string, string>();
  for (const t of datasetToTables(dataset)) {
    const records = [t.columns.map((c) => c.header), ...t.rows.map((r) => r.map(csvValue))];
    files.set(`${t.name}.csv`, stringify(records, { bom: true }));
  }
  return files;
}

/** Writes the folder (created when needed); returns the paths written. */
export async function writeCsvFolder(dataset: Dataset, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of datasetToCsvFiles(dataset)) {
    const path = join(dir, name);
    await writeFile(path, text, "utf8");
    written.push(path);
  }
  return written;
}

/** Parses one CSV file's text into a table; a malformed file (an unclosed quote) is IMPORT_FAILED. */
export function csvToTable(text: string, name: string, file: string): Table {
  let records: string[][];
  try {
    const options: Options = { bom: true, relax_column_count: true, skip_empty_lines: false };
    records = parse(text, options);
  } catch (e) {
    const line = typeof e === "object" && e !== null && "lines" in e ? ` near line ${String(e.lines)}` : "";
    throw new ParaatError("IMPORT_FAILED", `cannot read ${file} as CSV${line}: ${e instanceof Error ? e.message : String(e)}`, {
      details: { file },
      cause: e,
    });
  }
  const [header = [], ...rest] = records;
  return { name, file, header, rows: rest.map((cells, i) => ({ row: i + 2, cells })) };
}

export async function readCsvFolder(dir: string, options: ReadOptions = {}): Promise<ImportResult> {
  options.onProgress?.(0, "reading CSV files");
  let names: string[];
  try {
    names = (await readdir(dir)).filter((f) => f.toLowerCase().endsWith(".csv")).sort();
  } catch (e) {
    throw new ParaatError("IMPORT_FAILED", `cannot read the folder ${dir}: ${e instanceof Error ? e.message : String(e)}`, {
      details: { file: dir },
      cause: e,
    });
  }
  const tables: Table[] = [];
  for (const [i, f] of names.entries()) {
    const file = join(dir, f);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (e) {
      throw new ParaatError("IMPORT_FAILED", `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, {
        details: { file },
        cause: e,
      });
    }
    tables.push(csvToTable(text, f.slice(0, -".csv".length), file));
    options.onProgress?.((0.6 * (i + 1)) / names.length, "reading CSV files");
  }
  options.onProgress?.(0.6, "checking");
  const result = tablesToDataset(
    tables,
    { unit: "file", fileOf: (t) => join(dir, `${t}.csv`) },
    options.name === undefined ? {} : { name: options.name },
  );
  options.onProgress?.(1, "checked");
  return result;
}
