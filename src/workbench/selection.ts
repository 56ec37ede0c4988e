/**
 * Where to put the selection when a workbook opens in the workbench, so Rate RAG finds the table
 * (it rates the table under the selection, as in Excel).
 */
import type { WorkbookModel } from "../emulator/model";
import { formatAddress } from "../emulator/address";

/** A sheet name and an A1 cell address. */
export interface StartCell {
  readonly sheet: string;
  readonly cell: string;
}

/**
 * The first data cell of the workbook's first table; else the top-left used cell of the active sheet.
 *
 * @example
 * startCell(anycityWorkbook) // => { sheet: "LAA indicators", cell: "A2" }
 */
export function startCell(wb: WorkbookModel): StartCell {
  const table = wb.tables[0];
  if (table) {
    const row = table.rect.row + (table.showHeaders ? 1 : 0);
    return { sheet: table.sheet.name, cell: formatAddress({ row, col: table.rect.col, rowCount: 1, colCount: 1 }) };
  }
  const sheet = wb.activeSheet();
  const used = sheet.usedRect(true);
  return { sheet: sheet.name, cell: used ? formatAddress({ row: used.row, col: used.col, rowCount: 1, colCount: 1 }) : "A1" };
}
