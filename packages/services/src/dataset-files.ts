/** Import into and export from the store: the whole file is validated first, then saved in one transaction. */
import { ParaatError } from "@paraat/core";
import { readDatasetFile, writeDatasetFile, type DatasetFileFormat, type ProgressFn } from "@paraat/io";
import type { DatasetInfo, Store } from "@paraat/store";

export interface ImportOptions {
  /** Store under this name instead of the one in the file. */
  name?: string;
  /** Replace a stored dataset of the same name (otherwise CONFLICT). */
  replace?: boolean;
  onProgress?: ProgressFn;
}

/**
 * Reads, validates and saves a dataset file. Nothing is written unless the whole file is valid:
 * VALIDATION_FAILED lists every problem (details.issues, each with its location); IMPORT_FAILED
 * when the file cannot be read at all.
 */
export async function importDatasetFile(store: Store, path: string, options: ImportOptions = {}): Promise<DatasetInfo> {
  const progress = options.onProgress;
  const result = await readDatasetFile(path, {
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(progress ? { onProgress: (f: number, stage: string) => progress(f * 0.7, stage) } : {}),
  });
  if (!result.ok) {
    const n = result.issues.length;
    throw new ParaatError("VALIDATION_FAILED", `${n} problem${n === 1 ? "" : "s"} in ${path}`, {
      details: { file: path, issues: result.issues },
    });
  }
  progress?.(0.7, "saving");
  const info = await store.saveDataset(result.dataset, { replace: options.replace ?? false });
  progress?.(1, "saved");
  return info;
}

/** Writes a stored dataset (the only one when no name is given) to a file; returns the files written. */
export async function exportDatasetFile(
  store: Store,
  name: string | undefined,
  path: string,
  format?: DatasetFileFormat,
): Promise<string[]> {
  const dataset = await store.loadDataset(await store.resolveDatasetName(name));
  return await writeDatasetFile(dataset, path, format);
}
