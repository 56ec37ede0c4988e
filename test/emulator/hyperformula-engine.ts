/**
 * A FormulaEngine for tests: HyperFormula (a real formula engine; GPL-3, so a dev dependency only,
 * CONTRIBUTING.md#toolchain-notes) computes every formula cell of the emulator's workbook after a sync that wrote
 * formulas. Test-only: the emulator itself ships without an engine.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import type { FormulaEngine, WorkbookModel } from "../../src/emulator/model";

/** Options passed to HyperFormula (e.g. registered function plugins are global in HyperFormula). */
export function hyperFormulaEngine(): FormulaEngine {
  return {
    recalculate(workbook: WorkbookModel): void {
      const sheets: Record<string, RawCellContent[][]> = {};
      for (const s of workbook.sheets) {
        sheets[s.name] = s.rows.map((row) => (row ? Array.from(row, (c) => (c === undefined ? null : c.formula ?? (c.error ? null : c.value))) : []));
      }
      const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
      try {
        for (const s of workbook.sheets) {
          const id = hf.getSheetId(s.name)!;
          s.rows.forEach((row, r) => row?.forEach((cell, c) => {
            if (!cell?.formula) return;
            const v = hf.getCellValue({ sheet: id, row: r, col: c });
            if (v !== null && typeof v === "object" && "value" in v) { cell.value = String((v as { value: string }).value); cell.error = true; }
            else { cell.value = v as number | string | boolean | null; delete cell.error; }
          }));
        }
      } finally {
        hf.destroy();
      }
    },
  };
}
