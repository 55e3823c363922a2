/** Property tests: random valid datasets survive every format; JSON byte for byte. */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbDataset } from "@paraat/core/testing";
import type { Dataset } from "@paraat/core";
import { csvToTable, datasetToCsvFiles } from "./csv.js";
import { tablesToDataset } from "./from-tables.js";
import { datasetToJson, parseDatasetJson } from "./json.js";
import type { ImportResult } from "./types.js";
import { datasetToWorkbook, workbookToDataset } from "./xlsx.js";

async function viaXlsx(d: Dataset): Promise<ImportResult> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await datasetToWorkbook(d).xlsx.writeBuffer());
  return workbookToDataset(wb, "t.xlsx");
}

function viaCsv(d: Dataset): ImportResult {
  const tables = [...datasetToCsvFiles(d)].map(([f, text]) => csvToTable(text, f.slice(0, -".csv".length), f));
  return tablesToDataset(tables, { unit: "file", fileOf: (t) => `${t}.csv` });
}

const expectOk = (r: ImportResult): Dataset => {
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return r.dataset;
};

describe("round trips of random valid datasets", () => {
  it("JSON: export → import → export is byte-identical and the dataset deep-equal", () => {
    fc.assert(
      fc.property(arbDataset(), (d) => {
        const text = datasetToJson(d);
        const back = expectOk(parseDatasetJson(text, "t.json"));
        expect(back).toStrictEqual(d);
        expect(datasetToJson(back)).toBe(text);
      }),
      { numRuns: 60 },
    );
  });

  it("XLSX: export → import gives the same dataset", async () => {
    await fc.assert(
      fc.asyncProperty(arbDataset(), async (d) => {
        expect(expectOk(await viaXlsx(d))).toStrictEqual(d);
      }),
      { numRuns: 15 },
    );
  });

  it("CSV: export → import gives the same dataset", () => {
    fc.assert(
      fc.property(arbDataset(), (d) => {
        expect(expectOk(viaCsv(d))).toStrictEqual(d);
      }),
      { numRuns: 60 },
    );
  });
});
