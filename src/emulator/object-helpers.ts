/**
 * Shared helpers of the emulator's Excel object classes: the range reference, proxy type
 * descriptions and address resolution used by every API area.
 * Each class mirrors the Excel JavaScript API class of the same name
 * (https://learn.microsoft.com/javascript/api/excel); the comment on each cites the page whose behaviour it copies.
 */
import { type CellRect, MAX_COLUMNS, MAX_ROWS, parseAddress } from "./address";
import { EmulatorError } from "./errors";
import { type SheetModel, type WorkbookModel } from "./model";
import { type ClientObjectImpl, type ProxyType, type PropDef, type RequestContextImpl } from "./runtime";

/** A range in the model: a sheet and a rectangle. */
export interface RangeRef {
  readonly sheet: SheetModel;
  readonly rect: CellRect;
}

export type Ctx = RequestContextImpl;

/** Adds get/set accessors for scalar properties to a proxy class prototype. */
export function accessors(cls: { prototype: object }, names: readonly string[]): void {
  for (const name of names) {
    Object.defineProperty(cls.prototype, name, {
      get(this: ClientObjectImpl) { return this._get(name); },
      set(this: ClientObjectImpl, v: unknown) { this._set(name, v); },
      configurable: true,
      enumerable: true,
    });
  }
}

export function type<M>(typeName: string, props: Record<string, PropDef<M>>, defaultLoad?: string[]): ProxyType<M> {
  return { typeName, props, defaultLoad };
}

export function liveSheet(wb: WorkbookModel, sheet: SheetModel): SheetModel {
  if (!wb.sheets.includes(sheet)) throw new EmulatorError("ItemNotFound", `the worksheet "${sheet.name}" was deleted`);
  return sheet;
}

/** Resolves an address given to a worksheet method: unqualified, or qualified with that sheet's name. */
export function rectOnSheet(sheet: SheetModel, address: string): CellRect {
  const p = parseAddress(address);
  if (p.sheet !== undefined && p.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new EmulatorError("InvalidArgument", `"${address}" is not on the worksheet "${sheet.name}"`);
  }
  return plainRect(p);
}

function plainRect(p: CellRect): CellRect {
  return { row: p.row, col: p.col, rowCount: p.rowCount, colCount: p.colCount };
}

/** Resolves a sheet-qualified (or active-sheet) address in the workbook. */
export function workbookRange(wb: WorkbookModel, address: string, defaultSheet?: SheetModel): RangeRef {
  const p = parseAddress(address);
  const sheet = p.sheet !== undefined ? wb.sheetByName(p.sheet) : (defaultSheet ?? wb.activeSheet());
  if (!sheet) throw new EmulatorError("ItemNotFound", `no worksheet "${p.sheet}"`);
  return { sheet, rect: plainRect(p) };
}

export function checkedRect(row: number, col: number, rowCount: number, colCount: number): CellRect {
  if (!Number.isInteger(row) || !Number.isInteger(col) || rowCount < 1 || colCount < 1 || row < 0 || col < 0 || row + rowCount > MAX_ROWS || col + colCount > MAX_COLUMNS) {
    throw new EmulatorError("InvalidArgument", `rows ${row}+${rowCount}, columns ${col}+${colCount} are outside the worksheet`);
  }
  return { row, col, rowCount, colCount };
}

export function cells(ref: RangeRef): number {
  return ref.rect.rowCount * ref.rect.colCount;
}
