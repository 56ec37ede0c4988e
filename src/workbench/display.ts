/**
 * What the workbench grid shows for a cell: its text as Excel would show it, and its fill, font
 * colour and weight after conditional formatting. Pure functions over the emulator's model, so the
 * grid's pictures of the workbook can be tested without a browser.
 */
import type { CellModel, ConditionalFormatModel, SheetModel } from "../emulator/model";
import { formatValue } from "../emulator/number-format";

/** How one cell looks on screen. */
export interface CellLook {
  readonly text: string;
  /** "#RRGGBB" or undefined for no fill. */
  readonly fill?: string;
  readonly color?: string;
  readonly bold: boolean;
  readonly italic: boolean;
  /** Numbers sit right, text left, as in Excel's General alignment. */
  readonly align: "left" | "center" | "right";
}

function inside(cf: ConditionalFormatModel, row: number, col: number): boolean {
  const r = cf.rect;
  return row >= r.row && row < r.row + r.rowCount && col >= r.col && col < r.col + r.colCount;
}

/** A rule's operand: "=5" and "5" are numbers; "\"Red\"" and "=\"Red\"" are text. Null when it needs a formula engine. */
function operand(formula: string): number | string | null {
  const f = formula.startsWith("=") ? formula.slice(1) : formula;
  if (/^".*"$/.test(f)) return f.slice(1, -1).replace(/""/g, '"');
  const n = Number(f);
  return f.trim() !== "" && Number.isFinite(n) ? n : null;
}

function compare(a: number | string, b: number | string): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).toLowerCase().localeCompare(String(b).toLowerCase());
}

/**
 * Whether a conditional format's rule holds for a cell. Text rules compare without regard to case, as
 * Excel's do ("Text that contains", https://support.microsoft.com/office/use-conditional-formatting-to-highlight-information-fb3d1db9-8a75-4a40-ba8e-1d51a5b5b2a1).
 * Custom (formula) and icon-set rules need a formula engine and are not evaluated: they never match.
 *
 * @example
 * ruleHolds({ type: "ContainsText", textRule: { operator: "BeginsWith", text: "Red" }, ... }, { value: "Red" }) // => true
 */
export function ruleHolds(cf: ConditionalFormatModel, cell: CellModel | undefined): boolean {
  const value = cell?.value ?? null;
  if (cf.type === "ContainsText" && cf.textRule) {
    if (cell?.error) return false;
    const text = (value === null ? "" : String(value)).toLowerCase();
    const wanted = cf.textRule.text.toLowerCase();
    switch (cf.textRule.operator) {
      case "Contains": return text.includes(wanted);
      case "NotContains": return !text.includes(wanted);
      case "BeginsWith": return text.startsWith(wanted);
      case "EndsWith": return text.endsWith(wanted);
      default: return false;
    }
  }
  if (cf.type === "CellValue" && cf.cellValueRule) {
    if (value === null || typeof value === "boolean" || cell?.error) return false;
    const a = operand(cf.cellValueRule.formula1);
    const b = cf.cellValueRule.formula2 === undefined ? null : operand(cf.cellValueRule.formula2);
    if (a === null) return false;
    const c1 = compare(value, a);
    switch (cf.cellValueRule.operator) {
      case "EqualTo": return c1 === 0;
      case "NotEqualTo": return c1 !== 0;
      case "GreaterThan": return c1 > 0;
      case "LessThan": return c1 < 0;
      case "GreaterThanOrEqual": return c1 >= 0;
      case "LessThanOrEqual": return c1 <= 0;
      case "Between": return b !== null && c1 >= 0 && compare(value, b) <= 0;
      case "NotBetween": return b !== null && (c1 < 0 || compare(value, b) > 0);
      default: return false;
    }
  }
  return false;
}

/**
 * How a cell looks: its own formats, overridden by the first conditional format (in priority order,
 * the order the sheet keeps them) whose rule holds; a rule with stopIfTrue or a fill ends the search
 * for fills (Excel applies the highest-priority format when two rules set the same property).
 *
 * @example
 * cellLook(sheet, 4, 17).fill // => "#B22222" for a cell reading "Red" under Rate RAG's status formats
 */
export function cellLook(sheet: SheetModel, row: number, col: number): CellLook {
  const cell = sheet.cell(row, col);
  const text = cell ? formatValue(cell.value, cell.numberFormat) : "";
  let fill = cell?.fill;
  let color = cell?.font?.color;
  let bold = cell?.font?.bold ?? false;
  let italic = cell?.font?.italic ?? false;
  let setFill = false, setColor = false, setBold = false, setItalic = false;
  for (const cf of sheet.conditionalFormats) {
    if (!inside(cf, row, col) || !ruleHolds(cf, cell)) continue;
    const f = cf.format;
    if (f.fill !== undefined && !setFill) { fill = f.fill; setFill = true; }
    if (f.fontColor !== undefined && !setColor) { color = f.fontColor; setColor = true; }
    if (f.bold !== undefined && !setBold) { bold = f.bold; setBold = true; }
    if (f.italic !== undefined && !setItalic) { italic = f.italic; setItalic = true; }
    if (cf.stopIfTrue) break;
  }
  const horizontal = cell?.horizontalAlignment?.toLowerCase();
  const align = horizontal === "center" || horizontal === "right" || horizontal === "left"
    ? horizontal
    : typeof cell?.value === "number" ? "right" : "left";
  return { text, fill: fill && fill.toUpperCase() !== "#FFFFFF" ? fill : undefined, color, bold, italic, align };
}
