/** ExcelJS's own shared-formula helper (exceljs/lib/utils/shared-formula.js), which ExcelJS uses to write a shared formula out in full. */
declare module "exceljs/lib/utils/shared-formula" {
  /** The formula of `fromCell` ("A2") as it reads in `toCell` ("A5"): relative references move, absolute ones stay. */
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}
