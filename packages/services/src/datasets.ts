/**
 * Datasets: list, read, summarise, import uploaded files (all or nothing), export, and edit one
 * entity at a time. Every change is audited by the store in the transaction that makes it.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import JSZip from "jszip";
import {
  ParaatError,
  entityKey,
  entityNames,
  entitySchemas,
  pathToField,
  summarizeDataset,
  type Dataset,
  type DatasetSummary,
  type EntityName,
  type EntityOf,
  type ValidationIssue,
} from "@paraat/core";
import { datasetToCsvFiles, datasetToJson, datasetToWorkbook, readDatasetFile, type ProgressFn } from "@paraat/io";
import type { DatasetInfo, EntityChange, Store } from "@paraat/store";
import type { Actor } from "./actor.js";
import { requirePermission } from "./permissions.js";
import type { Snapshots } from "./snapshots.js";

export const uploadFormats = ["json", "xlsx"] as const;
export type UploadFormat = (typeof uploadFormats)[number];
export const exportFormats = ["json", "xlsx", "csv"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ImportUpload {
  format: UploadFormat;
  /** Store under this name instead of the one in the file. */
  name?: string;
  replace?: boolean;
  /** The name of the uploaded file, used in the located issues. */
  filename?: string;
}

export interface FileImport {
  /** Store under this name instead of the one in the file. */
  name?: string;
  replace?: boolean;
  onProgress?: ProgressFn;
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const contentTypes: Record<ExportFormat, string> = {
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "application/zip",
};

/** A file name safe for a temporary path and a Content-Disposition header. */
function safeFileName(name: string): string {
  const cleaned = basename(name)
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^\.+/, "");
  return cleaned === "" ? "dataset" : cleaned.slice(0, 100);
}

export function isEntityName(value: string): value is EntityName {
  return (entityNames as readonly string[]).includes(value);
}

function requireEntity(entity: string): EntityName {
  if (!isEntityName(entity))
    throw new ParaatError("NOT_FOUND", `no entity collection "${entity}"; use one of ${entityNames.join(", ")}`, {
      details: { entity, available: entityNames },
    });
  return entity;
}

/** Checks one row against its collection's schema; VALIDATION_FAILED lists every field. */
function parseRow<N extends EntityName>(entity: N, row: unknown): EntityOf<N> {
  const r = entitySchemas[entity].safeParse(row);
  if (r.success) return r.data;
  const issues: ValidationIssue[] = r.error.issues.flatMap((i) => {
    const keys = i.code === "unrecognized_keys" ? i.keys : [undefined];
    return keys.map((k) => ({
      entity,
      field: pathToField(k === undefined ? i.path : [...i.path, k]) || "(row)",
      value: k === undefined ? i.input : undefined,
      expected: i.code === "unrecognized_keys" ? "only the fields of the data model" : i.message,
      message: i.code === "unrecognized_keys" ? `unknown field ${String(k)}` : i.message,
    }));
  });
  throw new ParaatError("VALIDATION_FAILED", `the ${entity} row has ${issues.length} problem${issues.length === 1 ? "" : "s"}`, {
    details: { issues },
  });
}

export class DatasetService {
  constructor(
    private readonly store: Store,
    private readonly snapshots: Snapshots,
  ) {}

  async list(actor: Actor): Promise<DatasetInfo[]> {
    requirePermission(actor, "dataset:read");
    return this.store.listDatasets();
  }

  async get(actor: Actor, name: string): Promise<Dataset> {
    requirePermission(actor, "dataset:read");
    return (await this.snapshots.get(name)).dataset;
  }

  async summary(actor: Actor, name: string): Promise<DatasetSummary> {
    requirePermission(actor, "dataset:read");
    return (await this.snapshots.derive(name, "summary", "", (s) => summarizeDataset(s.dataset))).value;
  }

  /** The named dataset, or the only one when no name is given (NOT_FOUND if none, DATASET_AMBIGUOUS if several). */
  async resolveName(actor: Actor, name?: string): Promise<string> {
    requirePermission(actor, "dataset:read");
    return this.store.resolveDatasetName(name);
  }

  /**
   * Reads an uploaded file with the same reader as `paraat import`, and saves it only if the whole
   * file is valid: VALIDATION_FAILED lists every problem by sheet, row and column (or JSON path).
   */
  async importUpload(actor: Actor, bytes: Buffer, upload: ImportUpload): Promise<DatasetInfo> {
    requirePermission(actor, "dataset:write");
    const filename = safeFileName(upload.filename ?? `upload.${upload.format}`);
    const file = filename.toLowerCase().endsWith(`.${upload.format}`) ? filename : `${filename}.${upload.format}`;
    const dir = await mkdtemp(join(tmpdir(), "paraat-upload-"));
    try {
      const path = join(dir, file);
      await writeFile(path, bytes);
      const read = await this.read(path, file, upload.name);
      return await this.save(actor, read, { replace: upload.replace ?? false, action: "dataset.import" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Imports a dataset file from this machine (`paraat import`): JSON, a workbook or a CSV folder,
   * all or nothing, audited as dataset.import.
   */
  async importFile(actor: Actor, path: string, options: FileImport = {}): Promise<DatasetInfo> {
    requirePermission(actor, "dataset:write");
    const progress = options.onProgress;
    const read = await this.read(path, path, options.name, progress && ((f, stage) => progress(f * 0.7, stage)));
    progress?.(0.7, "saving");
    const info = await this.save(actor, read, { replace: options.replace ?? false, action: "dataset.import" });
    progress?.(1, "saved");
    return info;
  }

  /**
   * Loads a shipped sample file (`paraat dataset load`), audited as dataset.load. A stored dataset
   * of the same name that equals the file is left as it is (`unchanged`); one that differs is
   * replaced only with `replace`, else CONFLICT.
   */
  async loadFile(actor: Actor, path: string, options: { replace?: boolean } = {}): Promise<{ info: DatasetInfo; unchanged: boolean }> {
    requirePermission(actor, "dataset:write");
    const read = await this.read(path, path);
    const name = read.name;
    const existing = (await this.store.listDatasets()).find((d) => d.name === name);
    if (existing && !options.replace) {
      if (datasetToJson((await this.snapshots.get(name)).dataset) === datasetToJson(read)) return { info: existing, unchanged: true };
      throw new ParaatError(
        "CONFLICT",
        `dataset ${name} exists in ${this.store.location} and differs from the sample; use --replace to overwrite it`,
        { details: { dataset: name } },
      );
    }
    return { info: await this.save(actor, read, { replace: true, action: "dataset.load" }), unchanged: false };
  }

  /** Reads and validates a file; VALIDATION_FAILED names `file` (the name the user knows it by) in every issue. */
  private async read(path: string, file: string, name?: string, onProgress?: ProgressFn): Promise<Dataset> {
    let result;
    try {
      result = await readDatasetFile(path, { ...(name === undefined ? {} : { name }), ...(onProgress ? { onProgress } : {}) });
    } catch (e) {
      throw path === file ? e : relocate(e, path, file);
    }
    if (!result.ok) {
      const issues = path === file ? result.issues : result.issues.map((i) => ({ ...i, location: { ...i.location, file } }));
      const n = issues.length;
      throw new ParaatError("VALIDATION_FAILED", `${n} problem${n === 1 ? "" : "s"} in ${file}; nothing was imported`, {
        details: { file, issues },
      });
    }
    return result.dataset;
  }

  private async save(actor: Actor, dataset: Dataset, options: { replace: boolean; action: string }): Promise<DatasetInfo> {
    try {
      return await this.store.saveDataset(dataset, { replace: options.replace, audit: { actor: actor.username, action: options.action } });
    } finally {
      this.snapshots.forget(dataset.name);
    }
  }

  async exportFile(actor: Actor, name: string, format: ExportFormat): Promise<ExportFile> {
    requirePermission(actor, "dataset:read");
    const dataset = (await this.snapshots.get(name)).dataset;
    const base = safeFileName(dataset.name);
    switch (format) {
      case "json":
        return { filename: `${base}.json`, contentType: contentTypes.json, body: Buffer.from(datasetToJson(dataset), "utf8") };
      case "xlsx": {
        const data = await datasetToWorkbook(dataset).xlsx.writeBuffer();
        return { filename: `${base}.xlsx`, contentType: contentTypes.xlsx, body: Buffer.from(data) };
      }
      case "csv": {
        const zip = new JSZip();
        for (const [file, text] of datasetToCsvFiles(dataset)) zip.file(`${base}/${file}`, text);
        const body = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
        return { filename: `${base}-csv.zip`, contentType: contentTypes.csv, body };
      }
    }
  }

  /** Adds a row; CONFLICT if a row with its key exists. */
  async createEntity(actor: Actor, dataset: string, entity: string, row: unknown): Promise<EntityChange> {
    requirePermission(actor, "dataset:write");
    const e = requireEntity(entity);
    const parsed = parseRow(e, row);
    const key = entityKey(e, parsed);
    const current = await this.get(actor, dataset);
    if ((current[e] as EntityOf<typeof e>[]).some((r) => entityKey(e, r) === key))
      throw new ParaatError("CONFLICT", `dataset "${dataset}" already has ${e} "${key}"; change it with PUT instead`, {
        details: { dataset, entity: e, key },
      });
    return this.put(actor, dataset, e, parsed, "entity.create");
  }

  /** Replaces the row with this key; NOT_FOUND if there is none, INVALID_ARGUMENT if the row's key differs. */
  async updateEntity(actor: Actor, dataset: string, entity: string, key: string, row: unknown): Promise<EntityChange> {
    requirePermission(actor, "dataset:write");
    const e = requireEntity(entity);
    const parsed = parseRow(e, row);
    const rowKey = entityKey(e, parsed);
    if (rowKey !== key)
      throw new ParaatError("INVALID_ARGUMENT", `the row's key "${rowKey}" differs from "${key}" in the path; keys cannot be changed`, {
        details: { entity: e, key, rowKey },
      });
    const current = await this.get(actor, dataset);
    if (!(current[e] as EntityOf<typeof e>[]).some((r) => entityKey(e, r) === key))
      throw new ParaatError("NOT_FOUND", `dataset "${dataset}" has no ${e} "${key}"`, { details: { dataset, entity: e, key } });
    return this.put(actor, dataset, e, parsed, "entity.update");
  }

  async deleteEntity(actor: Actor, dataset: string, entity: string, key: string): Promise<EntityChange> {
    requirePermission(actor, "dataset:write");
    const e = requireEntity(entity);
    try {
      return await this.store.deleteEntity(dataset, e, key, { audit: { actor: actor.username, action: "entity.delete" } });
    } finally {
      this.snapshots.forget(dataset);
    }
  }

  async deleteDataset(actor: Actor, name: string): Promise<void> {
    requirePermission(actor, "dataset:admin");
    try {
      await this.store.deleteDataset(name, { audit: { actor: actor.username, action: "dataset.delete" } });
    } finally {
      this.snapshots.forget(name);
    }
  }

  private async put<N extends EntityName>(
    actor: Actor,
    dataset: string,
    entity: N,
    row: EntityOf<N>,
    action: string,
  ): Promise<EntityChange> {
    try {
      return await this.store.putEntity(dataset, entity, row, { audit: { actor: actor.username, action } });
    } finally {
      this.snapshots.forget(dataset);
    }
  }
}

/** Errors from reading the temporary copy name the uploaded file, not the temporary path. */
function relocate(e: unknown, path: string, file: string): unknown {
  if (!(e instanceof ParaatError)) return e;
  const message = e.message.split(path).join(file);
  const details = e.details && typeof e.details === "object" ? { ...e.details, file } : e.details;
  return new ParaatError(e.code, message, { details, cause: e.cause });
}
