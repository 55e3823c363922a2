/** Import of a dataset file through the services is all-or-nothing, on SQLite and PostgreSQL alike. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { ParaatError, type Dataset } from "@paraat/core";
import { arbCorruption, arbDataset, sampleDataset, type Corruption } from "@paraat/core/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { datasetFileFormats, writeDatasetFile, type DatasetFileFormat, type LocatedIssue } from "@paraat/io";
import type { Store } from "@paraat/store";
import { forEachDialect } from "@paraat/store/testing";
import { cliActor } from "./actor.js";
import { createServices } from "./services.js";

/** Imports through the DatasetService, as the CLI and the API do (checked, saved and audited in one transaction). */
function importDatasetFile(
  store: Store,
  path: string,
  options: Parameters<ReturnType<typeof createServices>["datasets"]["importFile"]>[2] = {},
) {
  const services = createServices({ store, solver: () => Promise.reject(new Error("no plans here")) });
  return services.datasets.importFile(cliActor(), path, options);
}

/** The named (or only) dataset written to a file, as `paraat export` does. */
async function exportDatasetFile(store: Store, name: string | undefined, path: string): Promise<string[]> {
  return writeDatasetFile(await store.loadDataset(await store.resolveDatasetName(name)), path);
}

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paraat-store-io-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const pathFor = (format: DatasetFileFormat): string => join(dir, `f${++n}${format === "csv" ? "" : `.${format}`}`);

async function failure(p: Promise<unknown>): Promise<ParaatError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ParaatError) return e;
    throw e;
  }
  throw new Error("expected the import to fail");
}

/** Everything stored, for comparing before and after a failed import. */
async function snapshot(store: Store): Promise<unknown> {
  const infos = await store.listDatasets();
  return await Promise.all(
    infos.map(async (i) => ({ name: i.name, counts: i.counts, updatedAt: i.updatedAt, data: await store.loadDataset(i.name) })),
  );
}

/** Whether some issue points at the planted mistake's row and column (or JSON path). */
function pointsAtCorruption(issues: LocatedIssue[], c: Corruption, format: DatasetFileFormat, original: Dataset): boolean {
  if (format === "json") return issues.some((i) => i.location.path?.startsWith(`${c.entity}[${c.index}].${c.field}`));
  let row = c.index + 2;
  let header = c.field;
  if (c.entity === "materials") {
    const stage = Number(/^stages\[(\d+)\]/.exec(c.field)![1]);
    row = 2 + original.materials.slice(0, c.index).reduce((s, m) => s + m.stages.length, 0) + stage;
    header = c.field.split(".")[1]!;
  }
  return issues.some((i) => i.location.sheet === c.entity && i.location.row === row && i.location.column?.startsWith(`${header} (`));
}

forEachDialect("importDatasetFile", (ctx) => {
  it("imports each format and stores exactly what the file holds", async () => {
    const store = await ctx.openFresh();
    for (const format of datasetFileFormats) {
      const file = pathFor(format);
      await writeDatasetFile(sampleDataset(), file);
      const info = await importDatasetFile(store, file, { name: `from-${format}` });
      expect(info.name).toBe(`from-${format}`);
      expect(info.counts.items).toBe(3);
      expect(await store.loadDataset(`from-${format}`)).toStrictEqual({ ...sampleDataset(), name: `from-${format}` });
    }
  });

  it("writes nothing when the file has problems, even with replace, and lists them all", async () => {
    const store = await ctx.openFresh();
    await store.saveDataset(sampleDataset());
    const before = await snapshot(store);
    const file = pathFor("xlsx");
    await writeDatasetFile(sampleDataset(), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet("items")!.getCell("E3").value = "lots";
    wb.getWorksheet("stocks")!.getCell("C2").value = -5;
    wb.getWorksheet("supply")!.getCell("C2").value = "site-nowhere";
    await wb.xlsx.writeFile(file);

    const e = await failure(importDatasetFile(store, file, { replace: true }));
    expect(e.code).toBe("VALIDATION_FAILED");
    expect(e.message).toBe(`3 problems in ${file}; nothing was imported`);
    const issues = (e.details as { issues: LocatedIssue[] }).issues;
    expect(issues.map((i) => `${i.location.sheet}!${i.location.column}${i.location.row}`)).toEqual([
      "items!unitValue (E)3",
      "supply!site (C)2",
      "stocks!qty (C)2",
    ]);
    expect(await snapshot(store)).toStrictEqual(before);
  });

  it("refuses unreadable files with IMPORT_FAILED naming the file", async () => {
    const store = await ctx.openFresh();
    const missing = join(dir, "nope.json");
    const e1 = await failure(importDatasetFile(store, missing));
    expect([e1.code, e1.message]).toEqual(["IMPORT_FAILED", `cannot read ${missing}: no such file or folder`]);
    const broken = join(dir, "broken.xlsx");
    await writeFile(broken, "this is not a zip file");
    const e2 = await failure(importDatasetFile(store, broken));
    expect(e2.code).toBe("IMPORT_FAILED");
    expect(e2.message).toContain(broken);
    expect(await store.listDatasets()).toEqual([]);
  });

  it("reports progress up to 1", async () => {
    const store = await ctx.openFresh();
    const file = pathFor("csv");
    await writeDatasetFile(sampleDataset(), file);
    const seen: [number, string][] = [];
    await importDatasetFile(store, file, { onProgress: (f, stage) => seen.push([f, stage]) });
    expect(seen.map(([f]) => f)).toEqual([...seen.map(([f]) => f)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual([1, "saved"]);
    expect(seen.some(([, s]) => s === "saving")).toBe(true);
  });

  it("exports the only dataset, or a named one, and reads it back unchanged", async () => {
    const store = await ctx.openFresh();
    await store.saveDataset(sampleDataset());
    // With one dataset stored the name may be left out; afterwards there are several.
    const only = pathFor("json");
    expect(await exportDatasetFile(store, undefined, only)).toEqual([only]);
    for (const format of datasetFileFormats) {
      const file = pathFor(format);
      await exportDatasetFile(store, "sample", file);
      await importDatasetFile(store, file, { name: `back-${format}` });
      expect(await store.loadDataset(`back-${format}`)).toStrictEqual({ ...sampleDataset(), name: `back-${format}` });
    }
    expect((await failure(exportDatasetFile(store, undefined, pathFor("json")))).code).toBe("DATASET_AMBIGUOUS");
    expect((await failure(exportDatasetFile(store, "no-such-dataset", pathFor("json")))).code).toBe("NOT_FOUND");
  });

  it("rejects random corruptions in every format without a partial write", async () => {
    const store = await ctx.openFresh();
    const cases = arbDataset({ minRows: 2, maxRows: 3, maxPeriods: 12 }).chain((d) =>
      fc.record({ original: fc.constant(d), corruption: arbCorruption(d), format: fc.constantFrom(...datasetFileFormats) }),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ original, corruption, format }) => {
        await store.saveDataset(original, { replace: true });
        const before = await snapshot(store);
        const file = pathFor(format);
        await writeDatasetFile(corruption.dataset, file);
        const e = await failure(importDatasetFile(store, file, { replace: true }));
        expect(e.code).toBe("VALIDATION_FAILED");
        const issues = (e.details as { issues: LocatedIssue[] }).issues;
        for (const i of issues) expect(i.location.file).toBeTruthy();
        if (format !== "json")
          for (const i of issues) expect([i.location.sheet, i.location.row, i.location.column].every((x) => x !== undefined)).toBe(true);
        expect(pointsAtCorruption(issues, corruption, format, original)).toBe(true);
        expect(await snapshot(store)).toStrictEqual(before);
        await store.deleteDataset(original.name);
      }),
      { numRuns: 12 },
    );
  });
});
