import ExcelJS from "exceljs";
import JSZip from "jszip";
import { datasetToJson, datasetToWorkbook } from "@paraat/io";
import { afterEach, beforeEach, expect, it } from "vitest";
import { actor, openTestServices, shellDataset, type TestServices } from "./test-support/fixtures.js";

let t: TestServices;
const analyst = actor("analyst", "ana");
const viewer = actor("viewer", "vic");

beforeEach(async () => {
  t = await openTestServices();
});
afterEach(async () => t.close());

async function importShells(name?: string): Promise<void> {
  await t.services.datasets.importUpload(analyst, Buffer.from(datasetToJson(shellDataset())), {
    format: "json",
    ...(name ? { name } : {}),
  });
}

it("imports an uploaded JSON file and audits it", async () => {
  const info = await t.services.datasets.importUpload(analyst, Buffer.from(datasetToJson(shellDataset())), {
    format: "json",
    filename: "shells.json",
  });
  expect(info.name).toBe("shells");
  expect(info.counts).toMatchObject({ items: 4, bom: 3, supply: 4 });
  expect(await t.services.datasets.get(viewer, "shells")).toEqual(shellDataset());
  const [entry] = await t.services.audit.list(actor("admin"));
  expect(entry).toMatchObject({ actor: "ana", action: "dataset.import", dataset: "shells", before: null });
  await expect(
    t.services.datasets.importUpload(analyst, Buffer.from(datasetToJson(shellDataset())), { format: "json" }),
  ).rejects.toMatchObject({
    code: "CONFLICT",
  });
  await t.services.datasets.importUpload(analyst, Buffer.from(datasetToJson(shellDataset())), { format: "json", replace: true });
});

it("imports an uploaded workbook under another name", async () => {
  const bytes = Buffer.from(await datasetToWorkbook(shellDataset()).xlsx.writeBuffer());
  const info = await t.services.datasets.importUpload(analyst, bytes, { format: "xlsx", name: "from-excel" });
  expect(info.name).toBe("from-excel");
  expect(await t.services.datasets.get(viewer, "from-excel")).toEqual({ ...shellDataset(), name: "from-excel" });
});

it("imports nothing from a workbook with errors and locates every one by sheet, row and column in the uploaded file's name", async () => {
  const wb = datasetToWorkbook(shellDataset());
  const items = wb.getWorksheet("items")!;
  const header = (items.getRow(1).values as unknown[]).map(String);
  const unitValue = header.indexOf("unitValue");
  const kind = header.indexOf("kind");
  items.getRow(3).getCell(unitValue).value = -5;
  items.getRow(4).getCell(kind).value = "rocket";
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const err = (await t.services.datasets
    .importUpload(analyst, bytes, { format: "xlsx", filename: "../../etc/broken book.xlsx" })
    .catch((e: unknown) => e)) as {
    code: string;
    details: { file: string; issues: { location: { file: string; sheet: string; row: number; column: string } }[] };
  };
  expect(err.code).toBe("VALIDATION_FAILED");
  expect(err.details.file).toBe("broken_book.xlsx");
  const where = err.details.issues.map((i) => `${i.location.file} ${i.location.sheet} ${i.location.row} ${i.location.column}`).sort();
  const letter = (n: number): string => String.fromCharCode(64 + n);
  expect(where).toEqual([`broken_book.xlsx items 3 unitValue (${letter(unitValue)})`, `broken_book.xlsx items 4 kind (${letter(kind)})`]);
  expect(await t.services.datasets.list(viewer)).toEqual([]);
});

it("says where unreadable JSON breaks, naming the uploaded file", async () => {
  const err = await t.services.datasets
    .importUpload(analyst, Buffer.from('{"format": "paraat-dataset",\n  "name": }'), { format: "json", filename: "bad.json" })
    .catch((e: unknown) => e);
  expect(err).toMatchObject({ code: "IMPORT_FAILED", details: { file: "bad.json" } });
  expect((err as Error).message).toMatch(/^bad\.json is not valid JSON at line 2/);
  expect((err as Error).message).not.toContain("paraat-upload");
});

it("exports JSON, a workbook, and CSV files in a zip, each readable back", async () => {
  await importShells();
  const json = await t.services.datasets.exportFile(viewer, "shells", "json");
  expect(json).toMatchObject({ filename: "shells.json", contentType: "application/json; charset=utf-8" });
  expect(JSON.parse(json.body.toString("utf8"))).toEqual(shellDataset());

  const xlsx = await t.services.datasets.exportFile(viewer, "shells", "xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
  expect(wb.getWorksheet("items")!.rowCount).toBe(5);

  const csv = await t.services.datasets.exportFile(viewer, "shells", "csv");
  expect(csv).toMatchObject({ filename: "shells-csv.zip", contentType: "application/zip" });
  const zip = await JSZip.loadAsync(csv.body);
  const names = Object.keys(zip.files).sort();
  expect(names).toContain("shells/items.csv");
  expect(names).toContain("shells/dataset.csv");
  const itemsCsv = await zip.file("shells/items.csv")!.async("string");
  expect(itemsCsv.trim().split(/\r?\n/)).toHaveLength(5);
});

it("creates, updates and deletes single entities with audit entries holding before and after", async () => {
  await importShells();
  const fuze = { id: "fuze", name: "Fuze", kind: "component", unit: "pcs", unitValue: 80 };
  const created = await t.services.datasets.createEntity(analyst, "shells", "items", fuze);
  expect(created).toEqual({ entity: "items", key: "fuze", before: null, after: fuze });
  await expect(t.services.datasets.createEntity(analyst, "shells", "items", fuze)).rejects.toMatchObject({ code: "CONFLICT" });
  const changed = await t.services.datasets.updateEntity(analyst, "shells", "items", "fuze", { ...fuze, unitValue: 90 });
  expect(changed.before).toEqual(fuze);
  await expect(t.services.datasets.updateEntity(analyst, "shells", "items", "other", fuze)).rejects.toMatchObject({
    code: "INVALID_ARGUMENT",
  });
  await expect(t.services.datasets.updateEntity(analyst, "shells", "items", "ghost", { ...fuze, id: "ghost" })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await t.services.datasets.deleteEntity(analyst, "shells", "items", "fuze");
  expect((await t.services.datasets.get(viewer, "shells")).items.map((i) => i.id)).toEqual(["shell", "tnt", "body", "antimony"]);

  const entries = await t.services.audit.list(actor("admin"), { dataset: "shells" });
  expect(entries.map((e) => `${e.action} ${e.entity}/${e.key}`)).toEqual([
    "entity.delete items/fuze",
    "entity.update items/fuze",
    "entity.create items/fuze",
    "dataset.import null/null",
  ]);
  expect(entries[1]!.after).toEqual({ ...fuze, unitValue: 90 });
});

it("lists every field problem of an entity row, and cross-row problems from the store", async () => {
  await importShells();
  const err = await t.services.datasets
    .createEntity(analyst, "shells", "items", { id: "x y", name: "", kind: "rocket", unit: "pcs", unitValue: -1, colour: "red" })
    .catch((e: unknown) => e);
  expect(err).toMatchObject({ code: "VALIDATION_FAILED" });
  const fields = (err as { details: { issues: { field: string }[] } }).details.issues.map((i) => i.field).sort();
  expect(fields).toEqual(["colour", "id", "kind", "name", "unitValue"]);
  const ref = await t.services.datasets
    .createEntity(analyst, "shells", "bom", { parent: "shell", child: "nothing", qty: 1 })
    .catch((e: unknown) => e);
  expect(ref).toMatchObject({ code: "VALIDATION_FAILED" });
  await expect(t.services.datasets.deleteEntity(analyst, "shells", "items", "tnt")).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  await expect(t.services.datasets.createEntity(analyst, "shells", "widgets", {})).rejects.toMatchObject({ code: "NOT_FOUND" });
});

it("sees a change at once in summaries, also when made outside the services", async () => {
  await importShells();
  expect((await t.services.datasets.summary(viewer, "shells")).counts.items).toBe(4);
  await new Promise((r) => setTimeout(r, 5));
  await t.store.putEntity("shells", "items", { id: "fuze", name: "Fuze", kind: "component", unit: "pcs", unitValue: 1 });
  expect((await t.services.datasets.summary(viewer, "shells")).counts.items).toBe(5);
});

it("refuses writes to readers and dataset deletion to non-admins", async () => {
  await importShells();
  await expect(t.services.datasets.importUpload(viewer, Buffer.from("{}"), { format: "json" })).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
  await expect(t.services.datasets.deleteEntity(actor("procurement"), "shells", "items", "body")).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
  await expect(t.services.datasets.deleteDataset(analyst, "shells")).rejects.toMatchObject({ code: "FORBIDDEN" });
  await t.services.datasets.deleteDataset(actor("admin", "root"), "shells");
  await expect(t.services.datasets.get(viewer, "shells")).rejects.toMatchObject({ code: "NOT_FOUND" });
  const [entry] = await t.services.audit.list(actor("admin"));
  expect(entry).toMatchObject({ actor: "root", action: "dataset.delete", dataset: "shells", after: null });
});
