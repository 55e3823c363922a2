import ExcelJS from "exceljs";
import { entityNames, type Dataset } from "@paraat/core";
import { sampleDataset } from "@paraat/core/testing";
import { describe, expect, it } from "vitest";
import { datasetToWorkbook, encodeXlsxText, workbookToDataset } from "./xlsx.js";

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => wb.getWorksheet(name)!;
const rowValues = (ws: ExcelJS.Worksheet, r: number): unknown[] => (ws.getRow(r).values as unknown[]).slice(1);

describe("datasetToWorkbook", () => {
  it("writes a dataset sheet, one sheet per collection and a README, in that order", () => {
    const wb = datasetToWorkbook(sampleDataset());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["dataset", ...entityNames, "README"]);
  });

  it("makes the header row bold, frozen and filterable, with sized columns", async () => {
    const ws = sheet(await reload(datasetToWorkbook(sampleDataset())), "companies");
    expect(rowValues(ws, 1)).toEqual(["id", "name", "country", "base", "owners", "clearance", "sources", "illustrative", "note"]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeDefined();
    // "c-rheinmetall=0.6; DE=0.4" is 25 characters: the owners column fits it.
    expect(ws.getColumn(5).width).toBe(27);
    expect(ws.getColumn(1).width).toBe(15);
  });

  it("writes numbers as numbers, booleans as booleans, months and nested fields as readable text", async () => {
    const wb = await reload(datasetToWorkbook(sampleDataset()));
    expect(rowValues(sheet(wb, "dataset"), 2)).toEqual([
      "paraat-dataset",
      1,
      "sample",
      "Two shells, one fuze, antimony; illustrative",
      "2025-01",
      36,
    ]);
    expect(rowValues(sheet(wb, "countries"), 2)).toEqual(["NL", "Netherlands", true, true, false, 0.9]);
    expect(rowValues(sheet(wb, "companies"), 3)).toEqual([
      "c-nammo",
      "Nammo, Raufoss",
      "NL",
      "NLDTIB, EDTIB",
      "c-rheinmetall=0.6; DE=0.4",
      "pending",
      undefined,
      true,
    ]);
    expect(sheet(wb, "supply").getCell("F2").value).toBe(
      '2025-01=1000; 2026-07=2500 {"sources":["s-annual"],"note":"new line"}; 2029-01=0',
    );
    expect(sheet(wb, "supply").getCell("F3").value).toBeNull();
    expect(rowValues(sheet(wb, "demands"), 2)).toEqual(["d-ua-1", "shell-155", "ua", 4000, "2025-12", 1]);
    expect(sheet(wb, "contracts").getCell("D2").value).toBe("shell-155, fuze");
  });

  it("writes materials as one row per stage, the material's own fields repeated", async () => {
    const ws = sheet(await reload(datasetToWorkbook(sampleDataset())), "materials");
    expect(rowValues(ws, 2)).toEqual([
      "antimony",
      "extraction",
      "CN=0.7; RU=0.2; DE=0.1",
      "CN=0.5; DE=0.5",
      1,
      0.28,
      0.91,
      "s-crm",
      undefined,
      undefined,
      "CN=1.1; RU=0.8",
      4.3,
      "s-crm",
      true,
    ]);
    expect(rowValues(ws, 3)).toEqual([
      "antimony",
      "processing",
      "CN=1",
      "NL=0.3; DE=0.7",
      0.5,
      0,
      0.9,
      undefined,
      undefined,
      undefined,
      "CN=1.1; RU=0.8",
      4.3,
      "s-crm",
      true,
    ]);
    expect(ws.rowCount).toBe(3);
  });

  it("round-trips the sample dataset", async () => {
    const r = workbookToDataset(await reload(datasetToWorkbook(sampleDataset())), "s.xlsx");
    expect(r.ok && r.dataset).toStrictEqual(sampleDataset());
  });
});

describe("encodeXlsxText", () => {
  it("escapes characters XML cannot hold and text Excel would read as an escape", () => {
    expect(encodeXlsxText("a\r\nb")).toBe("a_x000D_\nb");
    expect(encodeXlsxText("_x0041_")).toBe("_x005F_x0041_");
    expect(encodeXlsxText("bell\u0007")).toBe("bell_x0007_");
    expect(encodeXlsxText("tab\tok")).toBe("tab\tok");
  });
});

/** A workbook typed by a person: columns reordered, dates, yes/no, formulas, blank rows, missing optional columns. */
async function handMade(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const add = (name: string, rows: ExcelJS.CellValue[][]): void => {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
  };
  add("Notes", [["my notes"]]);
  add("Sheet1", []);
  add("dataset", [
    ["name", "format", "version", "horizon.start", "horizon.periods"],
    ["by hand", "paraat-dataset", 1, new Date(Date.UTC(2025, 0, 1)), { formula: "12*2", result: 24 }],
  ]);
  add("countries", [
    ["code", "name", "eu", "nato", "concern"],
    ["NL", { richText: [{ text: "Nether" }, { text: "lands" }] }, "yes", 1, "no"],
    [],
    [" DE ", "Germany", "TRUE", "true", 0],
  ]);
  add("items", [
    ["name", "id", "kind", "unit", "unitValue", "nsn"],
    ["Shell", "shell", "end-item", "pc", "2500", 1320123456789],
  ]);
  add("consumers", [
    ["id", "name", "country", "priority"],
    ["nl", "NL", "NL", 1],
  ]);
  add("demands", [
    ["id", "item", "consumer", "qty", "due"],
    ["d1", "shell", "nl", 10, new Date(Date.UTC(2026, 5, 1))],
  ]);
  add("README", [["anything at all"]]);
  return await reload(wb);
}

describe("workbookToDataset", () => {
  it("reads what people type", async () => {
    const wb = await handMade();
    // The "Notes" sheet is not ours: reported (the empty Sheet1 is not), everything else read.
    const r = workbookToDataset(wb, "hand.xlsx");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.location).toEqual({ file: "hand.xlsx", sheet: "Notes", row: 1, column: "A" });
    wb.removeWorksheet(sheet(wb, "Notes").id);
    const ok = workbookToDataset(wb, "hand.xlsx");
    const expected: Dataset = {
      format: "paraat-dataset",
      version: 1,
      name: "by hand",
      horizon: { start: "2025-01", periods: 24 },
      sources: [],
      countries: [
        { code: "NL", name: "Netherlands", eu: true, nato: true, concern: false },
        { code: "DE", name: "Germany", eu: true, nato: true, concern: false },
      ],
      companies: [],
      sites: [],
      items: [{ id: "shell", name: "Shell", kind: "end-item", unit: "pc", unitValue: 2500, nsn: "1320123456789" }],
      bom: [],
      supply: [],
      stocks: [],
      consumers: [{ id: "nl", name: "NL", country: "NL", priority: 1 }],
      demands: [{ id: "d1", item: "shell", consumer: "nl", qty: 10, due: "2026-06" }],
      targets: [],
      contracts: [],
      materials: [],
    };
    expect(ok.ok && ok.dataset).toStrictEqual(expected);
  });

  it("reports header problems on row 1: unknown, doubled and missing columns, values without a header", async () => {
    const wb = await handMade();
    wb.removeWorksheet(sheet(wb, "Notes").id);
    const items = sheet(wb, "items");
    items.getCell("G1").value = "colour";
    items.getCell("H1").value = "unit";
    items.getCell("J2").value = "stray";
    const consumers = sheet(wb, "consumers");
    consumers.spliceColumns(4, 1); // no priority column
    const r = workbookToDataset(await reload(wb), "h.xlsx");
    expect(!r.ok && r.issues.map((i) => [i.location.sheet, i.location.row, i.location.column, i.message])).toEqual([
      ["items", 1, "colour (G)", 'unknown column "colour"'],
      ["items", 1, "unit (H)", 'column "unit" appears twice'],
      ["items", 2, "(no header) (J)", "a value in a column without a header"],
      ["consumers", 1, "priority (missing)", "missing column priority"],
    ]);
  });

  it("insists that a material's own columns agree across its rows", async () => {
    const wb = await reload(datasetToWorkbook(sampleDataset()));
    sheet(wb, "materials").getCell("L3").value = 5; // economicImportance differs from row 2
    const r = workbookToDataset(await reload(wb), "m.xlsx");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      entity: "materials",
      id: "antimony",
      field: "economicImportance",
      value: 5,
      expected: 'the same value as on row 2, the first row of material "antimony"',
      location: { sheet: "materials", row: 3, column: "economicImportance (L)" },
    });
  });

  it("places a stage's problem on that stage's row", async () => {
    const wb = await reload(datasetToWorkbook(sampleDataset()));
    sheet(wb, "materials").getCell("C3").value = "CN=0.5";
    sheet(wb, "materials").getCell("K2").value = "CN=1.1; XX=1";
    sheet(wb, "materials").getCell("K3").value = "CN=1.1; XX=1";
    const r = workbookToDataset(await reload(wb), "m.xlsx");
    expect(!r.ok && r.issues.map((i) => [i.field, i.location.row, i.location.column])).toEqual([
      ["tradeAdjustment.XX", 2, "tradeAdjustment (K)"],
      ["stages[1].globalSupply", 3, "globalSupply (C)"],
    ]);
  });

  it("reports spreadsheet error cells", async () => {
    const wb = await reload(datasetToWorkbook(sampleDataset()));
    sheet(wb, "items").getCell("E3").value = { error: "#N/A" };
    const r = workbookToDataset(await reload(wb), "e.xlsx");
    expect(!r.ok && r.issues.map((i) => [i.location.row, i.location.column, i.message])).toEqual([
      [3, "unitValue (E)", "the cell shows the spreadsheet error #N/A"],
    ]);
  });

  it("needs the dataset sheet", async () => {
    const wb = await reload(datasetToWorkbook(sampleDataset()));
    wb.removeWorksheet(sheet(wb, "dataset").id);
    const r = workbookToDataset(await reload(wb), "e.xlsx");
    expect(!r.ok && r.issues.map((i) => [i.location.sheet, i.location.row, i.message])).toEqual([
      ["dataset", 1, 'missing sheet "dataset"'],
    ]);
  });
});
