/**
 * The acceptance case of issue 2: a workbook (and a CSV folder) with five planted errors reports
 * all five, each with its sheet, row and column.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { formatIssue } from "@paraat/core";
import { sampleDataset } from "@paraat/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDatasetFile, writeDatasetFile } from "./files.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paraat-planted-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Sheet, cell, new value, and the column label the issue must carry. Rows follow the sample dataset. */
const PLANTED = [
  { sheet: "items", cell: "E3", value: "lots", row: 3, column: "unitValue (E)", what: "text in a number cell" },
  { sheet: "supply", cell: "C2", value: "site-nowhere", row: 2, column: "site (C)", what: "unknown reference" },
  { sheet: "stocks", cell: "C2", value: -5, row: 2, column: "qty (C)", what: "negative quantity" },
  { sheet: "demands", cell: "A3", value: "d-ua-1", row: 3, column: "id (A)", what: "duplicate id" },
  { sheet: "targets", cell: "E2", value: "2027-13", row: 2, column: "by (E)", what: "bad month" },
] as const;

const EXPECTED = PLANTED.map((p) => [p.sheet, p.row, p.column]);

describe("five planted errors", () => {
  it("are all reported from a workbook with sheet, row and column", async () => {
    const file = join(dir, "planted.xlsx");
    await writeDatasetFile(sampleDataset(), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const p of PLANTED) wb.getWorksheet(p.sheet)!.getCell(p.cell).value = p.value;
    await wb.xlsx.writeFile(file);

    const r = await readDatasetFile(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.location.sheet, i.location.row, i.location.column])).toEqual(EXPECTED);
    for (const i of r.issues) expect(i.location.file).toBe(file);
    const text = r.issues.map(formatIssue);
    expect(text[0]).toBe(
      `${file}, sheet items, row 3, column unitValue (E): items "fuze" unitValue: "lots" is not a number (found "lots", expected a number such as 1500 or 0.25)`,
    );
    expect(text[1]).toMatch(/sheet supply, row 2, column site \(C\): supply "sup-shell" site: unknown site "site-nowhere"/);
    expect(text[2]).toMatch(/sheet stocks, row 2, column qty \(C\): stocks "shell-155\/pool" qty: .*found -5, expected a number ≥ 0/);
    expect(text[3]).toMatch(/sheet demands, row 3, column id \(A\): demands "d-ua-1" id: duplicate of row 2 \(/);
    expect(text[4]).toMatch(/sheet targets, row 2, column by \(E\): targets "t-nato" by: .*found "2027-13", expected a month as YYYY-MM/);
  });

  it("are all reported from a CSV folder with file, row and column", async () => {
    const folder = join(dir, "planted-csv");
    await writeDatasetFile(sampleDataset(), `${folder}/`);
    for (const p of PLANTED) {
      const path = join(folder, `${p.sheet}.csv`);
      const lines = (await readFile(path, "utf8")).split("\n");
      const cells = lines[p.row - 1]!.split(",");
      cells["ABCDE".indexOf(p.cell[0]!)] = String(p.value);
      lines[p.row - 1] = cells.join(",");
      await writeFile(path, lines.join("\n"), "utf8");
    }
    const r = await readDatasetFile(join(folder, "dataset.csv"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.location.sheet, i.location.row, i.location.column])).toEqual(EXPECTED);
    expect(r.issues.map((i) => i.location.file)).toEqual(PLANTED.map((p) => join(folder, `${p.sheet}.csv`)));
  });
});
