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
import { datasetToCsvFiles, datasetToJson, datasetToWorkbook, readDatasetFile } from "@paraat/io";
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
      let result;
      try {
        result = await readDatasetFile(path, upload.name === undefined ? {} : { name: upload.name });
      } catch (e) {
        throw relocate(e, path, file);
      }
      if (!result.ok) {
        const issues = result.issues.map((i) => ({ ...i, location: { ...i.location, file } }));
        const n = issues.length;
        throw new ParaatError("VALIDATION_FAILED", `${n} problem${n === 1 ? "" : "s"} in ${file}; nothing was imported`, {
          details: { file, issues },
        });
      }
      const info = await this.store.saveDataset(result.dataset, {
        replace: upload.replace ?? false,
        audit: { actor: actor.username, action: "dataset.import" },
      });
      this.snapshots.forget(info.name);
      return info;
    } finally {
      await rm(dir, { recursive: true, force: true });
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
