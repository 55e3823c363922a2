/** A broken workbook: the dataset exported as XLSX, with chosen cells overwritten by values the data model refuses. */
import ExcelJS from "exceljs";

export interface Corruption {
  sheet: string;
  /** The header of the column (the field name). */
  field: string;
  /** 1-based spreadsheet row (2 is the first data row). */
  row: number;
  value: string | number;
}

export interface Corrupted extends Corruption {
  /** The column letter, as the import reports it. */
  column: string;
}

export async function corruptWorkbook(xlsx: Buffer, corruptions: readonly Corruption[]): Promise<{ bytes: Buffer; cells: Corrupted[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const cells: Corrupted[] = [];
  for (const c of corruptions) {
    const ws = wb.getWorksheet(c.sheet);
    if (!ws) throw new Error(`no sheet ${c.sheet} in the exported workbook`);
    let index = 0;
    ws.getRow(1).eachCell((cell, col) => {
      if (cell.text === c.field) index = col;
    });
    if (index === 0) throw new Error(`no column ${c.field} on sheet ${c.sheet}`);
    ws.getRow(c.row).getCell(index).value = c.value;
    cells.push({ ...c, column: ws.getColumn(index).letter });
  }
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), cells };
}
