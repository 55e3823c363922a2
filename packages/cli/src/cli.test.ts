import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli as run } from "./test-support/run-cli.js";

let dir: string;
let db: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paraat-cli-"));
  db = join(dir, "paraat.db");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Sets a cell by sheet, header name and 1-based row. */
function setCell(wb: ExcelJS.Workbook, sheet: string, column: string, row: number, value: ExcelJS.CellValue): void {
  const ws = wb.getWorksheet(sheet)!;
  const header = ws.getRow(1).values as unknown[];
  const col = header.indexOf(column);
  if (col < 1) throw new Error(`no column ${column} in ${sheet}`);
  ws.getRow(row).getCell(col).value = value;
}

describe("paraat CLI", () => {
  it("loads the sample dataset, is idempotent, and summarises it as JSON", async () => {
    const load = await run("--db", db, "dataset", "load", "nl-2024");
    expect(load.code).toBe(0);
    const again = await run("--db", db, "dataset", "load", "nl-2024");
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/already loaded and unchanged/);
    const summary = await run("--db", db, "--format", "json", "summary");
    expect(summary.code).toBe(0);
    const s = JSON.parse(summary.out) as { name: string; counts: { items: number }; targets: { id: string }[] };
    expect(s.name).toBe("nl-2024");
    expect(s.counts.items).toBeGreaterThan(20);
    expect(s.targets.length).toBeGreaterThan(0);
  });

  it("prints tables as CSV on request", async () => {
    const r = await run("--db", db, "--format", "csv", "dataset", "list");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("name,items,supply,targets,demands,updatedAt");
    expect(r.out).toMatch(/^nl-2024,\d+,/m);
  });

  it("reports all five planted workbook errors with sheet, row and column, exits non-zero, and leaves the database unchanged", async () => {
    const xlsx = join(dir, "nl.xlsx");
    expect((await run("--db", db, "export", xlsx)).code).toBe(0);
    const before = (await run("--db", db, "--format", "json", "summary")).out;

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    setCell(wb, "items", "unitValue", 3, "lots"); // text in a number column
    setCell(wb, "bom", "qty", 2, -4); // negative quantity
    setCell(wb, "supply", "site", 4, "no-such-site"); // unknown reference
    setCell(wb, "demands", "due", 2, "2031-13"); // not a month
    const dupId = wb.getWorksheet("companies")!.getRow(2).getCell(1).value;
    setCell(wb, "companies", "id", 3, dupId); // duplicate id
    const broken = join(dir, "broken.xlsx");
    await wb.xlsx.writeFile(broken);

    const v = await run("--db", db, "validate", broken);
    expect(v.code).toBe(3);
    const lines = v.err.split("\n").filter((l) => l.startsWith("  - "));
    const expected = [
      /sheet items, row 3, column unitValue/,
      /sheet bom, row 2, column qty/,
      /sheet supply, row 4, column site/,
      /sheet demands, row 2, column due/,
      /sheet companies, row 3, column id/,
    ];
    for (const re of expected) expect(lines.some((l) => re.test(l))).toBe(true);

    const imp = await run("--db", db, "import", broken, "--replace");
    expect(imp.code).toBe(3);
    expect((await run("--db", db, "--format", "json", "summary")).out).toBe(before);
  });

  it("refuses an unknown dataset with a clear message and its exit code", async () => {
    const r = await run("--db", db, "--dataset", "nope", "summary");
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/NOT_FOUND.*nope/);
  });
});
