/**
 * Excel workbook: a `dataset` sheet, one sheet per collection named as the collection, and a
 * README sheet explaining the conventions. Header rows are bold, frozen and filterable.
 */
import ExcelJS from "exceljs";
import { ParaatError, type Dataset } from "@paraat/core";
import type { CellIn, CellOut } from "./codecs.js";
import { tablesToDataset, type Table, type TableRow } from "./from-tables.js";
import { datasetToTables, type OutTable } from "./to-tables.js";
import type { ImportResult, ReadOptions } from "./types.js";

export const README_SHEET = "README";

const README_LINES = [
  "Paraat dataset workbook",
  "",
  "Sheet 'dataset' holds the header in one row; every other sheet is one collection, one row per entry, header row = field names.",
  "An empty cell means the field is absent (for a required list such as base or capacity: an empty list).",
  "Booleans: TRUE or FALSE (yes/no and 1/0 are accepted too). Months: YYYY-MM as text (date cells are read as their month).",
  "Lists (base, items, buyers, sources): comma-separated, e.g. NLDTIB, EDTIB.",
  "owners: owner=share; owner=share, e.g. c-rheinmetall=0.6; DE=0.4.",
  "capacity: month=perPeriod; ..., e.g. 2025-01=1000; 2026-07=2500 (a step of 0 ends production).",
  "globalSupply, euSourcing, tradeAdjustment: CC=share; ..., e.g. CN=0.7; RU=0.2; ZZ=0.1.",
  "materials: one row per (item, stage); tradeAdjustment, economicImportance and material.* must repeat unchanged on each row of an item.",
  'A value containing , ; = " { } or leading/trailing spaces is written in double quotes with JSON escapes, e.g. "NATO, 2024".',
  "This sheet is ignored on import.",
];

/** Excel cannot hold some characters in XML, and reads "_xHHHH_" as an escape; encode both so text round-trips. */
export function encodeXlsxText(s: string): string {
  return (
    s
      .replace(/_x([0-9A-F]{4})_/g, "_x005F_x$1_")
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
      .replace(/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
  );
}

const xlsxValue = (v: CellOut): ExcelJS.CellValue => (v === undefined ? null : typeof v === "string" ? encodeXlsxText(v) : v);

function columnWidth(t: OutTable, i: number): number {
  let longest = t.columns[i]!.header.length;
  for (const row of t.rows.slice(0, 500)) {
    const v = row[i];
    if (v === undefined) continue;
    for (const line of String(v).split("\n")) longest = Math.max(longest, line.length);
  }
  return Math.min(60, Math.max(8, longest + 2));
}

/** Adds the sheets to an in-memory or a streaming workbook; streaming commits each row as it goes. */
function fillWorkbook(wb: ExcelJS.Workbook, dataset: Dataset, streaming: boolean): void {
  for (const t of datasetToTables(dataset)) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = t.columns.map((c, i) => ({ header: c.header, width: columnWidth(t, i) }));
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
    for (const row of t.rows) {
      const added = ws.addRow(row.map(xlsxValue));
      if (streaming) added.commit();
    }
    if (streaming) (ws as unknown as { commit(): void }).commit();
  }
  const readme = wb.addWorksheet(README_SHEET);
  readme.getColumn(1).width = 120;
  README_LINES.forEach((line, i) => (readme.getCell(i + 1, 1).value = line));
  readme.getCell(1, 1).font = { bold: true };
}

/** The workbook in memory (for a buffer or a test). */
export function datasetToWorkbook(dataset: Dataset): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Paraat";
  fillWorkbook(wb, dataset, false);
  return wb;
}

/** Streams the workbook to a file, row by row, so a large dataset does not sit in memory twice. */
export async function writeWorkbook(dataset: Dataset, path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = "Paraat";
  fillWorkbook(wb, dataset, true);
  await wb.commit();
}

/** One exceljs cell value as a plain cell: formulas give their result, rich text its text. */
function plainCell(v: ExcelJS.CellValue): CellIn | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if ("error" in v) return { error: String(v.error) };
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("formula" in v || "sharedFormula" in v) return plainCell((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ("hyperlink" in v) return typeof v.text === "string" ? v.text : plainCell(v.text);
  return undefined;
}

function sheetToTable(ws: ExcelJS.Worksheet, file: string): Table {
  const header: string[] = [];
  const rows: TableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based, sparse
    const cells: (CellIn | undefined)[] = [];
    for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
    if (rowNumber === 1) for (const cell of cells) header.push(cell === undefined || typeof cell === "object" ? "" : String(cell));
    else rows.push({ row: rowNumber, cells });
  });
  return { name: ws.name, file, header, rows };
}

/** Validates a loaded workbook; every issue is located in `file`. */
export function workbookToDataset(wb: ExcelJS.Workbook, file: string, options: { name?: string } = {}): ImportResult {
  const tables = wb.worksheets.map((ws) => sheetToTable(ws, file));
  return tablesToDataset(
    tables,
    { unit: "sheet", fileOf: () => file, ignored: (name) => name.toUpperCase() === README_SHEET },
    options.name === undefined ? {} : { name: options.name },
  );
}

export async function readWorkbook(path: string, options: ReadOptions = {}): Promise<ImportResult> {
  options.onProgress?.(0, "reading workbook");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new ParaatError("IMPORT_FAILED", `cannot read ${path} as an Excel workbook: ${e instanceof Error ? e.message : String(e)}`, {
      details: { file: path },
      cause: e,
    });
  }
  options.onProgress?.(0.6, "checking");
  const result = workbookToDataset(wb, path, options);
  options.onProgress?.(1, "checked");
  return result;
}
