/**
 * Conditional format rules between the emulator's model and ExcelJS's rule objects: cell value, text,
 * custom formula and icon set rules, as xlsx.ts reads and writes them (split from xlsx.ts by topic).
 */
import { type CellRect, formatAddress } from "./address";
import type { ConditionalFormatModel } from "./model";

/** ExcelJS colours are ARGB; Excel's API uses #RRGGBB. */
export function fromArgb(argb: string | undefined): string | undefined {
  if (!argb || argb.length < 6) return undefined;
  return "#" + argb.slice(-6).toUpperCase();
}

export function toArgb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

const CELL_OPERATORS: Record<string, string> = {
  between: "Between", notBetween: "NotBetween", equal: "EqualTo", notEqual: "NotEqualTo", greaterThan: "GreaterThan",
  lessThan: "LessThan", greaterThanOrEqual: "GreaterThanOrEqual", lessThanOrEqual: "LessThanOrEqual",
};
const CELL_OPERATORS_BACK = Object.fromEntries(Object.entries(CELL_OPERATORS).map(([k, v]) => [v, k]));
/** Excel API icon set names to OOXML's ("ThreeTrafficLights1" -> "3TrafficLights1"). */
function iconToXml(style: string): string {
  return style.replace(/^Three/, "3").replace(/^Four/, "4").replace(/^Five/, "5");
}
function iconFromXml(style: string): string {
  return style.replace(/^3/, "Three").replace(/^4/, "Four").replace(/^5/, "Five");
}

export interface XRule {
  type: string; operator?: string; formulae?: string[]; text?: string; priority?: number; stopIfTrue?: boolean;
  style?: { fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } }; font?: { color?: { argb?: string }; bold?: boolean; italic?: boolean }; numFmt?: { formatCode?: string } | string };
  iconSet?: string; reverse?: boolean; showValue?: boolean; cfvo?: { type: string; value?: number | string }[];
}

/** OOXML text rule types to the API's ConditionalTextOperator. */
const TEXT_OPERATORS: Record<string, string> = { containsText: "Contains", notContainsText: "NotContains", beginsWith: "BeginsWith", endsWith: "EndsWith" };

/**
 * The formula Excel itself writes for a text rule (the rule is evaluated from it), relative to the
 * top-left cell. ExcelJS writes the formula but not the rule's `text` attribute, so the text is
 * read back from the formula.
 */
function textFormula(operator: string, text: string, topLeft: string): string {
  const t = `"${text.replace(/"/g, '""')}"`;
  switch (operator) {
    case "NotContains": return `ISERROR(SEARCH(${t},${topLeft}))`;
    case "BeginsWith": return `LEFT(${topLeft},LEN(${t}))=${t}`;
    case "EndsWith": return `RIGHT(${topLeft},LEN(${t}))=${t}`;
    default: return `NOT(ISERROR(SEARCH(${t},${topLeft})))`;
  }
}

function textFromFormula(formula: string): string {
  const m = /"((?:[^"]|"")*)"/.exec(formula);
  return m ? m[1].replace(/""/g, '"') : "";
}

export function importRule(rule: XRule, rect: CellRect, id: string): ConditionalFormatModel | null {
  const fmt = {
    ...(fromArgb(rule.style?.fill?.bgColor?.argb ?? rule.style?.fill?.fgColor?.argb) ? { fill: fromArgb(rule.style?.fill?.bgColor?.argb ?? rule.style?.fill?.fgColor?.argb) } : {}),
    ...(fromArgb(rule.style?.font?.color?.argb) ? { fontColor: fromArgb(rule.style?.font?.color?.argb) } : {}),
    ...(rule.style?.font?.bold ? { bold: true } : {}),
    ...(rule.style?.font?.italic ? { italic: true } : {}),
  };
  const base = { id, rect, stopIfTrue: !!rule.stopIfTrue, format: fmt };
  const f = (s: string | undefined) => (s === undefined ? "" : s.startsWith("=") ? s : "=" + s);
  switch (rule.type) {
    case "cellIs":
      return { ...base, type: "CellValue", cellValueRule: { formula1: f(rule.formulae?.[0]), ...(rule.formulae?.[1] !== undefined ? { formula2: f(rule.formulae[1]) } : {}), operator: CELL_OPERATORS[rule.operator ?? "between"] ?? "Between" } };
    case "containsText":
    case "notContainsText":
    case "beginsWith":
    case "endsWith": {
      const xmlOp = rule.type === "containsText" ? (rule.operator ?? "containsText") : rule.type;
      const op = TEXT_OPERATORS[xmlOp];
      if (!op) return null;
      return { ...base, type: "ContainsText", textRule: { operator: op, text: rule.text ?? textFromFormula(rule.formulae?.[0] ?? "") } };
    }
    case "expression":
      return { ...base, type: "Custom", customFormula: f(rule.formulae?.[0]) };
    case "iconSet": {
      const cfvo = rule.cfvo ?? [];
      return {
        ...base, type: "IconSet",
        iconSet: {
          style: iconFromXml(rule.iconSet ?? "3TrafficLights1"), reverseIconOrder: !!rule.reverse, showIconOnly: rule.showValue === false,
          criteria: cfvo.map((c, i) => (i === 0 ? { type: "Invalid", operator: "Invalid", formula: "" } : { type: { num: "Number", percent: "Percent", formula: "Formula", percentile: "Percentile" }[c.type] ?? "Number", operator: "GreaterThanOrEqual", formula: f(String(c.value ?? "")) })),
        },
      };
    }
    default:
      return null;
  }
}

export function exportRule(cf: ConditionalFormatModel, priority: number): XRule {
  const style: XRule["style"] = {};
  if (cf.format.fill) style.fill = { bgColor: { argb: toArgb(cf.format.fill) }, fgColor: { argb: toArgb(cf.format.fill) } } as XRule["style"] extends infer S ? S extends { fill?: infer F } ? F : never : never;
  if (cf.format.fontColor || cf.format.bold || cf.format.italic) {
    style.font = { ...(cf.format.fontColor ? { color: { argb: toArgb(cf.format.fontColor) } } : {}), ...(cf.format.bold ? { bold: true } : {}), ...(cf.format.italic ? { italic: true } : {}) };
  }
  const styleOrNot = Object.keys(style).length ? { style: { ...style, fill: style.fill ? { type: "pattern", pattern: "solid", ...style.fill } : undefined } } : {};
  const strip = (s: string) => s.replace(/^=/, "");
  const common = { priority, stopIfTrue: cf.stopIfTrue || undefined, ...styleOrNot } as Partial<XRule>;
  switch (cf.type) {
    case "CellValue": {
      const r = cf.cellValueRule!;
      return { ...common, type: "cellIs", operator: CELL_OPERATORS_BACK[r.operator] ?? "between", formulae: [strip(r.formula1), ...(r.formula2 !== undefined ? [strip(r.formula2)] : [])] } as XRule;
    }
    case "ContainsText": {
      const r = cf.textRule!;
      const op = Object.entries(TEXT_OPERATORS).find(([, v]) => v === r.operator)?.[0] ?? "containsText";
      return { ...common, type: "containsText", operator: op, text: r.text, formulae: [textFormula(r.operator, r.text, formatAddress({ ...cf.rect, rowCount: 1, colCount: 1 }))] } as XRule;
    }
    case "Custom":
      return { ...common, type: "expression", formulae: [strip(cf.customFormula ?? "")] } as XRule;
    default: {
      const s = cf.iconSet!;
      const kind = (t: string) => ({ Number: "num", Percent: "percent", Formula: "formula", Percentile: "percentile" }[t] ?? "num");
      return {
        priority, type: "iconSet", iconSet: iconToXml(s.style), reverse: s.reverseIconOrder, showValue: !s.showIconOnly,
        cfvo: s.criteria.map((c, i) => (i === 0 ? { type: "percent", value: 0 } : { type: kind(c.type), value: Number.isFinite(Number(strip(c.formula))) ? Number(strip(c.formula)) : strip(c.formula) })),
      } as XRule;
    }
  }
}

