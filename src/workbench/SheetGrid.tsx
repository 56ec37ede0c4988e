import * as React from "react";
import { columnLetters } from "../emulator/address";
import type { CellRect } from "../emulator/address";
import type { SheetModel } from "../emulator/model";
import { cellLook } from "./display";
import { WORKBENCH_TEXT } from "./messages";

/** The grid shows at most this much of a sheet: enough for any indicator table, small enough to stay quick. */
export const MAX_GRID_ROWS = 400;
export const MAX_GRID_COLUMNS = 60;
/** Row height and row-header width in pixels (fixed, so frozen rows can stick at known offsets). */
const ROW_PX = 22;
const ROW_HEADER_PX = 44;
const PT_TO_PX = 4 / 3;

export interface SheetGridProps {
  readonly sheet: SheetModel;
  /** The selected cells when the selection is on this sheet. */
  readonly selection: CellRect | null;
  readonly onSelect: (row: number, col: number) => void;
}

function columnWidthPx(sheet: SheetModel, col: number): number {
  const pt = sheet.columnWidths.get(col);
  return Math.round(Math.min(360, Math.max(40, (pt ?? 64) * PT_TO_PX)));
}

function within(rect: CellRect | null, row: number, col: number): boolean {
  return rect !== null && row >= rect.row && row < rect.row + rect.rowCount && col >= rect.col && col < rect.col + rect.colCount;
}

/**
 * One worksheet as a grid: column letters and row numbers, values as Excel shows them, fills
 * (conditional formats evaluated), frozen rows and columns kept in view. An ARIA grid: one cell is in
 * the tab order (the active one); arrow keys move the selection, Home/End go to the row's ends.
 */
export function SheetGrid({ sheet, selection, onSelect }: SheetGridProps): React.JSX.Element {
  const used = sheet.usedRect(false);
  const rows = Math.min(MAX_GRID_ROWS, Math.max(20, used ? used.row + used.rowCount + 2 : 0));
  const cols = Math.min(MAX_GRID_COLUMNS, Math.max(10, used ? used.col + used.colCount + 1 : 0));
  const widths = Array.from({ length: cols }, (_, c) => columnWidthPx(sheet, c));
  const lefts = widths.reduce<number[]>((acc, w, i) => [...acc, (acc[i] ?? ROW_HEADER_PX) + w], [ROW_HEADER_PX]);
  const active = selection ? { row: selection.row, col: selection.col } : { row: 0, col: 0 };
  const tableRef = React.useRef<HTMLTableElement>(null);
  const scrollRef = React.useRef<HTMLDivElement>(null);
  const focusAfterMove = React.useRef(false);

  // A new sheet (or workbook) starts scrolled to its top-left corner, as Excel opens it.
  React.useEffect(() => {
    scrollRef.current?.scrollTo?.({ left: 0, top: 0 });
  }, [sheet]);

  React.useEffect(() => {
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-row="${active.row}"][data-col="${active.col}"]`);
    if (!el) return;
    el.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    if (focusAfterMove.current) {
      focusAfterMove.current = false;
      el.focus();
    }
  }, [active.row, active.col, sheet]);

  const onKeyDown = (event: React.KeyboardEvent): void => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    let next: [number, number] | null = null;
    if (event.key in moves) next = [active.row + moves[event.key][0], active.col + moves[event.key][1]];
    else if (event.key === "Home") next = [active.row, 0];
    else if (event.key === "End") next = [active.row, cols - 1];
    if (!next) return;
    event.preventDefault();
    const [r, c] = next;
    if (r < 0 || c < 0 || r >= rows || c >= cols) return;
    focusAfterMove.current = true;
    onSelect(r, c);
  };

  const frozenRows = Math.min(sheet.frozen.rows, rows);
  const frozenCols = Math.min(sheet.frozen.columns, cols);
  // Scrolling a cell into view keeps it clear of the sticky headers and frozen panes.
  const scrollPadding = `${ROW_PX * (1 + frozenRows)}px 0 0 ${lefts[frozenCols] ?? ROW_HEADER_PX}px`;
  return (
    <div className="wb-grid-scroll" ref={scrollRef} style={{ scrollPadding }}>
      <table ref={tableRef} role="grid" aria-label={WORKBENCH_TEXT.gridLabel(sheet.name)} aria-rowcount={rows + 1} aria-colcount={cols + 1} className="wb-grid" onKeyDown={onKeyDown}
        style={{ width: lefts[cols] }}>
        <colgroup>
          <col style={{ width: ROW_HEADER_PX }} />
          {widths.map((w, c) => <col key={c} style={{ width: w }} />)}
        </colgroup>
        <thead>
          <tr>
            <td className="wb-corner" />
            {widths.map((_, c) => (
              <th key={c} scope="col" className="wb-colhead" style={c < frozenCols ? { left: lefts[c], zIndex: 4 } : undefined}>
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => {
            const frozenRow = r < frozenRows;
            const top = ROW_PX * (r + 1);
            return (
              <tr key={r} className={frozenRow ? "wb-frozen-row" : undefined}>
                <th scope="row" className="wb-rowhead" style={frozenRow ? { top, zIndex: 3 } : undefined}>{r + 1}</th>
                {widths.map((_, c) => {
                  const look = cellLook(sheet, r, c);
                  const address = `${columnLetters(c)}${r + 1}`;
                  const selected = within(selection, r, c);
                  const isActive = r === active.row && c === active.col;
                  const style: React.CSSProperties = {
                    background: look.fill,
                    color: look.color,
                    fontWeight: look.bold ? 700 : undefined,
                    fontStyle: look.italic ? "italic" : undefined,
                    textAlign: look.align,
                  };
                  // Text runs on over empty cells to its right, as in Excel (titles above a table).
                  if (look.align === "left" && look.text !== "" && typeof sheet.cell(r, c)?.value === "string" && c + 1 < cols && cellLook(sheet, r, c + 1).text === "") {
                    Object.assign(style, { overflow: "visible", textOverflow: "clip", position: "relative", zIndex: 0 });
                  }
                  if (frozenRow) Object.assign(style, { position: "sticky", top, zIndex: 2, background: look.fill ?? "#FFFFFF" });
                  if (c < frozenCols) Object.assign(style, { position: "sticky", left: lefts[c], zIndex: frozenRow ? 3 : 1, background: look.fill ?? "#FFFFFF" });
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      data-row={r}
                      data-col={c}
                      data-address={address}
                      aria-label={look.text === "" ? `${address}, blank` : `${address}, ${look.text}`}
                      aria-selected={selected}
                      tabIndex={isActive ? 0 : -1}
                      className={`wb-cell${selected ? " wb-selected" : ""}${isActive ? " wb-active" : ""}`}
                      style={style}
                      title={look.text.length > 20 ? look.text : undefined}
                      onClick={() => onSelect(r, c)}
                    >
                      {look.text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {used && (used.row + used.rowCount > MAX_GRID_ROWS || used.col + used.colCount > MAX_GRID_COLUMNS) && (
        <p className="wb-note">{WORKBENCH_TEXT.gridCut(MAX_GRID_ROWS, MAX_GRID_COLUMNS)}</p>
      )}
    </div>
  );
}
