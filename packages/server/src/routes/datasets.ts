/** Datasets: list, read, summary, import, export, single-entity edits, deletion. */
import { z } from "zod";
import { entityNames } from "@paraat/core";
import { exportFormats } from "@paraat/services";
import { Immutable } from "../http/json.js";
import {
  datasetInfoSchema,
  datasetResponseSchema,
  entityChangeSchema,
  errorSchema,
  nameParams,
  queryFlag,
  summarySchema,
} from "../schemas.js";
import { defineRoute, Reply } from "./route-spec.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Uploads up to 100 MB: a large generated dataset as JSON is tens of MB. */
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

const entityParams = nameParams.extend({ entity: z.enum(entityNames) });
const keyParams = entityParams.extend({
  key: z.string().min(1).meta({ description: "The row's key; compound keys as parent/child, URL-encoded" }),
});
const row = z.record(z.string(), z.unknown()).meta({ description: "A row of the collection, as in the dataset JSON" });

const validationFailed = { description: "VALIDATION_FAILED with details.issues, every problem", schema: errorSchema };

function attachment(filename: string): string {
  return `attachment; filename="${filename}"`;
}

export function datasetRoutes() {
  return [
    defineRoute({
      method: "GET",
      url: "/api/datasets",
      access: "dataset:read",
      summary: "The datasets in the database",
      tags: ["datasets"],
      responses: { 200: { description: "Datasets with row counts", schema: z.array(datasetInfoSchema) } },
      handler: ({ actor, services }) => services.datasets.list(actor),
    }),
    defineRoute({
      method: "POST",
      url: "/api/datasets/import",
      access: "dataset:write",
      summary: "Import a dataset file (JSON or XLSX), all or nothing",
      description: "The file is validated as a whole first; nothing is saved unless it is valid. Audited.",
      tags: ["datasets"],
      query: z.strictObject({
        name: z.string().min(1).max(200).optional().meta({ description: "Store under this name instead of the file's" }),
        replace: queryFlag.optional().meta({ description: "Replace a dataset of the same name" }),
        filename: z.string().max(255).optional().meta({ description: "The uploaded file's name, for the issue locations" }),
      }),
      rawBody: { contentTypes: ["application/json", XLSX], maxBytes: MAX_UPLOAD_BYTES, description: "The file's bytes" },
      responses: {
        200: { description: "Imported", schema: datasetInfoSchema },
        409: { description: "A dataset of that name exists and replace is not set", schema: errorSchema },
        422: {
          description: "VALIDATION_FAILED (every issue located by sheet/row/column or JSON path) or IMPORT_FAILED",
          schema: errorSchema,
        },
      },
      handler: ({ actor, services, query, body, request }) =>
        services.datasets.importUpload(actor, body!, {
          format: request.headers["content-type"]?.startsWith(XLSX) ? "xlsx" : "json",
          ...(query.name === undefined ? {} : { name: query.name }),
          ...(query.replace === undefined ? {} : { replace: query.replace }),
          ...(query.filename === undefined ? {} : { filename: query.filename }),
        }),
    }),
    defineRoute({
      method: "GET",
      url: "/api/datasets/:name",
      access: "dataset:read",
      summary: "The whole dataset (canonical JSON)",
      tags: ["datasets"],
      params: nameParams,
      responses: {
        200: { description: "The dataset", schema: datasetResponseSchema },
        404: { description: "No such dataset", schema: errorSchema },
      },
      handler: async ({ actor, services, params }) => new Immutable(await services.datasets.get(actor, params.name)),
    }),
    defineRoute({
      method: "GET",
      url: "/api/datasets/:name/summary",
      access: "dataset:read",
      summary: "Counts and headline facts",
      tags: ["datasets"],
      params: nameParams,
      responses: {
        200: { description: "The summary", schema: summarySchema },
        404: { description: "No such dataset", schema: errorSchema },
      },
      handler: async ({ actor, services, params }) => new Immutable(await services.datasets.summary(actor, params.name)),
    }),
    defineRoute({
      method: "GET",
      url: "/api/datasets/:name/export",
      access: "dataset:read",
      summary: "Download the dataset as JSON, an Excel workbook, or CSV files in a zip",
      tags: ["datasets"],
      params: nameParams,
      query: z.strictObject({ format: z.enum(exportFormats).default("json") }),
      responses: {
        200: { description: "The file (Content-Disposition: attachment)", contentType: "application/octet-stream" },
        404: { description: "No such dataset", schema: errorSchema },
      },
      handler: async ({ actor, services, params, query }) => {
        const file = await services.datasets.exportFile(actor, params.name, query.format);
        return new Reply(200, file.body, { "content-type": file.contentType, "content-disposition": attachment(file.filename) });
      },
    }),
    defineRoute({
      method: "POST",
      url: "/api/datasets/:name/entities/:entity",
      access: "dataset:write",
      summary: "Add a row to a collection",
      description: "The row is checked against its schema, and the whole dataset re-validated, in the transaction that saves it. Audited.",
      tags: ["datasets"],
      params: entityParams,
      body: row,
      responses: {
        200: { description: "The change (before is null)", schema: entityChangeSchema },
        409: { description: "A row with this key exists", schema: errorSchema },
        422: validationFailed,
      },
      handler: ({ actor, services, params, body }) => services.datasets.createEntity(actor, params.name, params.entity, body),
    }),
    defineRoute({
      method: "PUT",
      url: "/api/datasets/:name/entities/:entity/:key",
      access: "dataset:write",
      summary: "Replace the row with this key",
      description: "Audited with the row before and after.",
      tags: ["datasets"],
      params: keyParams,
      body: row,
      responses: {
        200: { description: "The change", schema: entityChangeSchema },
        400: { description: "The row's key differs from the path", schema: errorSchema },
        404: { description: "No such row", schema: errorSchema },
        422: validationFailed,
      },
      handler: ({ actor, services, params, body }) => services.datasets.updateEntity(actor, params.name, params.entity, params.key, body),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/datasets/:name/entities/:entity/:key",
      access: "dataset:write",
      summary: "Delete the row with this key",
      description: "Refused (VALIDATION_FAILED) while other rows refer to it. Audited.",
      tags: ["datasets"],
      params: keyParams,
      responses: {
        200: { description: "The change (after is null)", schema: entityChangeSchema },
        404: { description: "No such row", schema: errorSchema },
        422: validationFailed,
      },
      handler: ({ actor, services, params }) => services.datasets.deleteEntity(actor, params.name, params.entity, params.key),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/datasets/:name",
      access: "dataset:admin",
      summary: "Delete a dataset",
      description: "Audited with its row counts.",
      tags: ["datasets"],
      params: nameParams,
      responses: { 204: { description: "Deleted" }, 404: { description: "No such dataset", schema: errorSchema } },
      handler: async ({ actor, services, params }) => {
        await services.datasets.deleteDataset(actor, params.name);
        return new Reply(204, undefined);
      },
    }),
  ];
}
