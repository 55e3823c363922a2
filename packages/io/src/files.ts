/**
 * Reading and writing dataset files, choosing the format from the path: .json, .xlsx, or a folder
 * of CSV files (a directory, a path without extension, or a path to one of its .csv files).
 */
import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, extname } from "node:path";
import { ParaatError, type Dataset } from "@paraat/core";
import { readCsvFolder, writeCsvFolder } from "./csv.js";
import { datasetToJson, parseDatasetJson } from "./json.js";
import { readWorkbook, writeWorkbook } from "./xlsx.js";
import type { DatasetFileFormat, ImportResult, ReadOptions } from "./types.js";

async function isDirectory(path: string): Promise<boolean | undefined> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return undefined;
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Reads and validates a dataset file. Unreadable files throw IMPORT_FAILED; invalid content gives { ok: false, issues }. */
export async function readDatasetFile(path: string, options: ReadOptions = {}): Promise<ImportResult> {
  const dir = await isDirectory(path);
  if (dir === undefined) throw new ParaatError("IMPORT_FAILED", `cannot read ${path}: no such file or folder`, { details: { file: path } });
  if (dir) return await readCsvFolder(path, options);
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return await readCsvFolder(dirname(path), options);
  if (ext === ".xlsx") return await readWorkbook(path, options);
  if (ext === ".json") {
    options.onProgress?.(0, "reading JSON");
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (e) {
      throw new ParaatError("IMPORT_FAILED", `cannot read ${path}: ${message(e)}`, { details: { file: path }, cause: e });
    }
    options.onProgress?.(0.5, "checking");
    const result = parseDatasetJson(text, path, options.name === undefined ? {} : { name: options.name });
    options.onProgress?.(1, "checked");
    return result;
  }
  throw new ParaatError(
    "IMPORT_FAILED",
    `cannot read ${path}: expected a .json file, an .xlsx workbook or a folder of CSV files${ext === ".xls" ? " (save the workbook as .xlsx)" : ""}`,
    {
      details: { file: path },
    },
  );
}

/** The format a path asks for when writing, and where to write (a folder for CSV). */
export async function writeTarget(path: string, format?: DatasetFileFormat): Promise<{ format: DatasetFileFormat; target: string }> {
  const ext = extname(path).toLowerCase();
  const csvTarget = (): string => {
    if (ext !== ".csv") return path;
    if (basename(path).toLowerCase() === "dataset.csv") return dirname(path);
    throw new ParaatError(
      "INVALID_ARGUMENT",
      `a CSV export is a folder (dataset.csv plus one file per collection); give a folder such as ${path.slice(0, -ext.length)}/ instead of ${path}`,
    );
  };
  if (format === "csv") return { format, target: csvTarget() };
  if (format !== undefined) return { format, target: path };
  if (ext === ".json") return { format: "json", target: path };
  if (ext === ".xlsx") return { format: "xlsx", target: path };
  if (ext === ".csv" || ext === "" || path.endsWith("/") || (await isDirectory(path)) === true)
    return { format: "csv", target: csvTarget() };
  throw new ParaatError("INVALID_ARGUMENT", `cannot tell the format of ${path}: use .json, .xlsx, or a folder for CSV files`);
}

/** Writes a file next to its final path and renames it, so a failed export never leaves half a file. */
async function writeAtomically(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  // A device or pipe (e.g. /dev/null, /dev/stdout) is written in place: renaming over it would replace it.
  const existing = await stat(path).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) {
    try {
      await write(path);
      return;
    } catch (e) {
      throw new ParaatError("INVALID_ARGUMENT", `cannot write ${path}: ${message(e)}`, { details: { file: path }, cause: e });
    }
  }
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await write(tmp);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new ParaatError("INVALID_ARGUMENT", `cannot write ${path}: ${message(e)}`, { details: { file: path }, cause: e });
  }
}

/** Writes a dataset as JSON, a workbook or a CSV folder; returns the files written. */
export async function writeDatasetFile(dataset: Dataset, path: string, format?: DatasetFileFormat): Promise<string[]> {
  const t = await writeTarget(path, format);
  switch (t.format) {
    case "json":
      await writeAtomically(t.target, (tmp) => writeFile(tmp, datasetToJson(dataset), "utf8"));
      return [t.target];
    case "xlsx":
      await writeAtomically(t.target, (tmp) => writeWorkbook(dataset, tmp));
      return [t.target];
    case "csv":
      try {
        return await writeCsvFolder(dataset, t.target);
      } catch (e) {
        throw new ParaatError("INVALID_ARGUMENT", `cannot write the CSV folder ${t.target}: ${message(e)}`, {
          details: { file: t.target },
          cause: e,
        });
      }
  }
}
