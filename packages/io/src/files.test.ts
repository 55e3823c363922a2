import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { ParaatError, entityNames } from "@paraat/core";
import { sampleDataset } from "@paraat/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readDatasetFile, writeDatasetFile, writeTarget } from "./files.js";
import { datasetToJson } from "./json.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "paraat-files-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof ParaatError ? `${e.code}: ${e.message}` : String(e);
  }
}

describe("writeTarget", () => {
  it("chooses the format from the path", async () => {
    await mkdir(join(dir, "existing"));
    expect(await writeTarget("a/b.json")).toEqual({ format: "json", target: "a/b.json" });
    expect(await writeTarget("a/b.XLSX")).toEqual({ format: "xlsx", target: "a/b.XLSX" });
    expect(await writeTarget("out")).toEqual({ format: "csv", target: "out" });
    expect(await writeTarget("out/")).toEqual({ format: "csv", target: "out/" });
    expect(await writeTarget("out/dataset.csv")).toEqual({ format: "csv", target: "out" });
    expect(await writeTarget(join(dir, "existing"))).toEqual({ format: "csv", target: join(dir, "existing") });
    expect(await writeTarget("x.data", "json")).toEqual({ format: "json", target: "x.data" });
    expect(await code(writeTarget("out.csv"))).toMatch(/^INVALID_ARGUMENT: a CSV export is a folder/);
    expect(await code(writeTarget("notes.txt"))).toMatch(/^INVALID_ARGUMENT: cannot tell the format of notes\.txt/);
  });
});

describe("writeDatasetFile / readDatasetFile", () => {
  it("writes canonical JSON and leaves no temporary file behind", async () => {
    const file = join(dir, "d.json");
    expect(await writeDatasetFile(sampleDataset(), file)).toEqual([file]);
    expect(await readFile(file, "utf8")).toBe(datasetToJson(sampleDataset()));
    expect(await readdir(dir)).toEqual(["d.json"]);
  });

  it("writes into a device such as /dev/null in place instead of replacing it", async () => {
    await writeDatasetFile(sampleDataset(), "/dev/null", "json");
    expect((await stat("/dev/null")).isCharacterDevice()).toBe(true);
  });

  it("reads each format by its path", async () => {
    await writeDatasetFile(sampleDataset(), join(dir, "d.json"));
    await writeDatasetFile(sampleDataset(), join(dir, "d.xlsx"));
    await writeDatasetFile(sampleDataset(), join(dir, "csv"));
    for (const p of ["d.json", "d.xlsx", "csv", "csv/items.csv"]) {
      const r = await readDatasetFile(join(dir, p));
      expect(r.ok && r.dataset, p).toStrictEqual(sampleDataset());
    }
  });

  it("streams the workbook to file with the same layout as in memory: bold, frozen header, inline text", async () => {
    const file = join(dir, "d.xlsx");
    await writeDatasetFile(sampleDataset(), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["dataset", ...entityNames, "README"]);
    const ws = wb.getWorksheet("companies")!;
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getCell("E3").value).toBe("c-rheinmetall=0.6; DE=0.4");
    expect(ws.getCell("H3").value).toBe(true);
    expect(ws.getColumn(5).width).toBe(27);
  });

  it("renames on request before validating", async () => {
    await writeDatasetFile(sampleDataset(), join(dir, "d.xlsx"));
    const r = await readDatasetFile(join(dir, "d.xlsx"), { name: "renamed" });
    expect(r.ok && r.dataset.name).toBe("renamed");
  });

  it("refuses what it cannot read with IMPORT_FAILED", async () => {
    await writeFile(join(dir, "d.xls"), "old");
    await writeFile(join(dir, "bad.json"), "{ nope");
    expect(await code(readDatasetFile(join(dir, "d.xls")))).toMatch(/^IMPORT_FAILED: .* \(save the workbook as \.xlsx\)$/);
    expect(await code(readDatasetFile(join(dir, "missing.json")))).toBe(
      `IMPORT_FAILED: cannot read ${join(dir, "missing.json")}: no such file or folder`,
    );
    expect(await code(readDatasetFile(join(dir, "bad.json")))).toMatch(/^IMPORT_FAILED: .*bad\.json is not valid JSON at line 1, column 3/);
  });

  it("reports a write it cannot do", async () => {
    await writeFile(join(dir, "file"), "x");
    expect(await code(writeDatasetFile(sampleDataset(), join(dir, "file", "d.json")))).toMatch(/^INVALID_ARGUMENT: cannot write/);
  });
});
