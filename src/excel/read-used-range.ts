/**
 * Reads the used range of a worksheet into plain rows: the first adapter of the Excel layer
 * (docs/architecture.md: src/excel reads plain rows, src/core computes, src/excel writes).
 *
 * Excel behaviour relied on:
 * - Worksheet.getUsedRangeOrNullObject(valuesOnly): "If the entire worksheet is blank, then this
 *   method returns an object with its isNullObject property set to true."
 *   https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrangeornullobject-member(1)
 * - One load and one context.sync(): https://learn.microsoft.com/office/dev/add-ins/concepts/correlated-objects-pattern
 * - 5 MB responses on Excel on the web: readUsedRangeInBlocks reads big sheets in row blocks, one
 *   sync each, sized from what the previous block weighed.
 *   https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 */
import { splitSheet } from "../core/a1";

/** A worksheet's used cells as plain data. */
export interface UsedRangeRows {
  readonly sheet: string;
  /** A1 address without the sheet, e.g. "A3:P40"; "" when the sheet is blank. */
  readonly address: string;
  /** 0-based row and column of the top-left cell, so values[i][j] is at (firstRow + i, firstColumn + j). */
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Raw values as Excel gives them: numbers, text, booleans, "" for blank, error text such as "#N/A". */
  readonly values: unknown[][];
  /** Number formats, only when asked for (they double what is read). */
  readonly numberFormats?: string[][];
  /** Round trips used (context.sync calls). */
  readonly syncs: number;
}

/** Options for readUsedRange. */
export interface ReadUsedRangeOptions {
  /** Also read number formats (e.g. to tell percentages from plain numbers). Default false. */
  readonly withNumberFormats?: boolean;
}

/** Options for readUsedRangeInBlocks. */
export interface ReadInBlocksOptions extends ReadUsedRangeOptions {
  /** Target response size per sync in bytes; default 3 MB, under Excel on the web's 5 MB. */
  readonly targetBytes?: number;
  /** Rows in the first block; default 5,000. Later blocks are sized from the bytes the last one took. */
  readonly firstBlockRows?: number;
}

const BLANK = (sheet: string, syncs: number): UsedRangeRows => ({ sheet, address: "", firstRow: 0, firstColumn: 0, rowCount: 0, columnCount: 0, values: [], syncs });

/** "Data!A3:P40" or "'My data'!A3:P40" without the sheet part. */
function withoutSheet(address: string): string {
  return splitSheet(address).ref;
}

/**
 * Reads a sheet's used range (cells with values; formatting alone does not count) in one sync.
 * A blank sheet gives zero rows. A missing sheet rejects with Excel's ItemNotFound, as the Excel
 * layer never swallows errors (docs/architecture.md).
 *
 * @example
 * const rows = await Excel.run((context) => readUsedRange(context, "Indicators"));
 * rows.address // => "A1:P40"
 */
export async function readUsedRange(context: Excel.RequestContext, sheetName: string, options: ReadUsedRangeOptions = {}): Promise<UsedRangeRows> {
  const range = context.workbook.worksheets.getItem(sheetName).getUsedRangeOrNullObject(true);
  range.load(options.withNumberFormats ? "address, rowIndex, columnIndex, rowCount, columnCount, values, numberFormat" : "address, rowIndex, columnIndex, rowCount, columnCount, values");
  await context.sync();
  if (range.isNullObject) return BLANK(sheetName, 1);
  return {
    sheet: sheetName,
    address: withoutSheet(range.address),
    firstRow: range.rowIndex,
    firstColumn: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
    values: range.values,
    ...(options.withNumberFormats ? { numberFormats: range.numberFormat as string[][] } : {}),
    syncs: 1,
  };
}

/**
 * Reads a sheet's used range in blocks of rows, one sync per block, keeping each response near
 * `targetBytes` so big sheets stay under Excel on the web's 5 MB limit. One extra sync finds the
 * used range first. Same result as readUsedRange.
 *
 * @example
 * const rows = await Excel.run((context) => readUsedRangeInBlocks(context, "Indicators"));
 * rows.syncs // => 1 + the number of blocks
 */
export async function readUsedRangeInBlocks(context: Excel.RequestContext, sheetName: string, options: ReadInBlocksOptions = {}): Promise<UsedRangeRows> {
  const targetBytes = options.targetBytes ?? 3 * 1024 * 1024;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const used = sheet.getUsedRangeOrNullObject(true).load("address, rowIndex, columnIndex, rowCount, columnCount");
  await context.sync();
  if (used.isNullObject) return BLANK(sheetName, 1);
  const { rowIndex, columnIndex, rowCount, columnCount } = used;
  const values: unknown[][] = [];
  const numberFormats: string[][] = [];
  let syncs = 1;
  let blockRows = Math.max(1, Math.min(options.firstBlockRows ?? 5000, rowCount));
  for (let done = 0; done < rowCount; ) {
    const rows = Math.min(blockRows, rowCount - done);
    const block = sheet.getRangeByIndexes(rowIndex + done, columnIndex, rows, columnCount);
    block.load(options.withNumberFormats ? "values, numberFormat" : "values");
    // One sync per block is the point here: each response must stay under the 5 MB limit.
    await context.sync();
    syncs++;
    for (const row of block.values) values.push(row);
    if (options.withNumberFormats) for (const row of block.numberFormat as string[][]) numberFormats.push(row);
    block.untrack();
    done += rows;
    const bytes = JSON.stringify(block.values).length * (options.withNumberFormats ? 2 : 1);
    blockRows = Math.max(1, Math.floor((rows * targetBytes) / Math.max(bytes, 1)));
  }
  return {
    sheet: sheetName, address: withoutSheet(used.address), firstRow: rowIndex, firstColumn: columnIndex, rowCount, columnCount, values,
    ...(options.withNumberFormats ? { numberFormats } : {}), syncs,
  };
}
