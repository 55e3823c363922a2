/**
 * A scenario comparison as a workbook: one sheet for the scenarios (cost, autonomy, their
 * differences to the base), one for targets and one for demands, a row per item and scenario with
 * its difference to the base — so a spreadsheet can filter and pivot it.
 */
import ExcelJS from "exceljs";
import type { ScenarioComparison } from "@paraat/core";

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: [key: string, header: string, width: number][],
  rows: Record<string, unknown>[],
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map(([key, header, width]) => ({ key, header, width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

export async function comparisonToWorkbook(c: ScenarioComparison): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheet(
    wb,
    "scenarios",
    [
      ["scenario", "scenario", 24],
      ["cost", "production cost (EUR)", 22],
      ["costDiff", "cost against base", 20],
      ["eu", "autonomy EU", 14],
      ["euNato", "autonomy EU+NATO", 18],
      ["euDiff", "EU against base", 16],
      ["bottlenecks", "top bottlenecks", 40],
    ],
    c.scenarios.map((s) => ({
      scenario: s.name,
      cost: s.cost,
      costDiff: s.diff?.cost ?? null,
      eu: s.autonomy.eu,
      euNato: s.autonomy.euNato,
      euDiff: s.diff?.autonomy.eu ?? null,
      bottlenecks: s.bottlenecks.map((b) => b.supply).join(", "),
    })),
  );
  sheet(
    wb,
    "targets",
    [
      ["scenario", "scenario", 24],
      ["id", "target", 28],
      ["met", "met", 8],
      ["metAt", "met in", 10],
      ["monthsLate", "months late", 12],
      ["gapAtBy", "gap at by", 12],
      ["monthsLater", "months later than base", 22],
      ["gapDiff", "gap against base", 16],
    ],
    c.scenarios.flatMap((s) =>
      s.targets.map((t) => ({
        scenario: s.name,
        id: t.id,
        met: t.met,
        metAt: t.metAt,
        monthsLate: t.monthsLate,
        gapAtBy: t.gapAtBy,
        monthsLater: t.diff?.monthsLater ?? null,
        gapDiff: t.diff?.gapAtBy ?? null,
      })),
    ),
  );
  sheet(
    wb,
    "demands",
    [
      ["scenario", "scenario", 24],
      ["id", "demand", 28],
      ["onTime", "on time", 10],
      ["late", "late", 10],
      ["short", "short", 10],
      ["onTimeDiff", "on time against base", 20],
      ["shortDiff", "short against base", 18],
    ],
    c.scenarios.flatMap((s) =>
      s.demands.map((d) => ({
        scenario: s.name,
        id: d.id,
        onTime: d.onTime,
        late: d.late,
        short: d.short,
        onTimeDiff: d.diff?.onTime ?? null,
        shortDiff: d.diff?.short ?? null,
      })),
    ),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
