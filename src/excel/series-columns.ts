/**
 * The series key of one row of a long table: indicator, area and every dimension column the table
 * has (sex, age, category type, category), so that rows differing only by age or category are
 * separate series and duplicates are reported only when everything agrees
 * (docs/methods.md#benchmark-rows). Pure; the rule itself lives in the core.
 */
import { seriesKey } from "../core/public-sources";
import type { ColumnMapping } from "./mapping";
import type { ColumnMappingEntry } from "./types";

const text = (row: readonly unknown[], e: ColumnMappingEntry | undefined): string => (e ? String(row[e.column] ?? "") : "");

export function seriesKeyOfRow(
  row: readonly unknown[],
  mapping: ColumnMapping,
  areaCol: ColumnMappingEntry | undefined,
  idCol: ColumnMappingEntry | undefined,
  titleCol: ColumnMappingEntry | undefined,
): string {
  const dim = (role: ColumnMappingEntry["role"]) => mapping.entries.find((e) => e.role === role && e.period === undefined);
  return seriesKey({
    indicator: idCol ? text(row, idCol) : text(row, titleCol),
    area: text(row, areaCol),
    sex: text(row, dim("sex")),
    age: text(row, dim("age")),
    categoryType: text(row, dim("categoryType")),
    category: text(row, dim("category")),
  });
}
