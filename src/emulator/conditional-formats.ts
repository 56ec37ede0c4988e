/**
 * Conditional formats on a range.
 * Each class mirrors the Excel JavaScript API class of the same name
 * (https://learn.microsoft.com/javascript/api/excel); the comment on each cites the page whose behaviour it copies.
 */
import { intersect } from "./address";
import { normaliseColour } from "./colours";
import { EmulatorError } from "./errors";
import { type ConditionalFormatModel, type SheetModel, type WorkbookModel } from "./model";
import { ClientObjectImpl, CollectionImpl, type ProxyType, type ClientResultImpl } from "./runtime";
import { type RangeRef, type Ctx, accessors, type } from "./object-helpers";
import { Range } from "./range";

// ---------------------------------------------------------------------------------------------
// Conditional formats  https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection
// "Adds a new conditional format to the collection at the first/top priority."
// ConditionalFormat.priority: contiguous; negative counts from the back; out of bounds clamps.
// ---------------------------------------------------------------------------------------------

export class ConditionalFormatCollection extends CollectionImpl<RangeRef, ConditionalFormat> {
  get _type() { return CF_COLLECTION_TYPE; }
  _list(ref: RangeRef): ConditionalFormatModel[] { return ref.sheet.conditionalFormats.filter((cf) => intersect(cf.rect, ref.rect)); }
  _itemProxy(m: unknown): ConditionalFormat { return new ConditionalFormat(this.context, `${this._path}.items`, () => m as ConditionalFormatModel); }

  add(cfType: string): ConditionalFormat {
    let created: ConditionalFormatModel | undefined;
    this._call("add", { type: cfType }, (ref) => {
      if (!["CellValue", "ContainsText", "Custom", "IconSet"].includes(cfType)) {
        throw new EmulatorError("NotImplemented", `conditional format type ${cfType} is not emulated`);
      }
      created = {
        id: this.context.model.newId("cf"), type: cfType, rect: ref.rect, stopIfTrue: false, format: {},
        ...(cfType === "CellValue" ? { cellValueRule: { formula1: "", operator: "Between" } } : {}),
        ...(cfType === "ContainsText" ? { textRule: { operator: "Contains", text: "" } } : {}),
        ...(cfType === "Custom" ? { customFormula: "" } : {}),
        ...(cfType === "IconSet" ? { iconSet: { style: "ThreeTrafficLights1", reverseIconOrder: false, showIconOnly: false, criteria: defaultIconCriteria(3) } } : {}),
      };
      ref.sheet.conditionalFormats.unshift(created);
    });
    return new ConditionalFormat(this.context, `${this._path}.add`, () => {
      if (!created) throw new EmulatorError("ItemNotFound", "the conditional format was not added");
      return created;
    });
  }
  getItem(id: string): ConditionalFormat {
    return new ConditionalFormat(this.context, `${this._path}.getItem`, () => {
      const cf = this._model().sheet.conditionalFormats.find((x) => x.id === id);
      if (!cf) throw new EmulatorError("ItemNotFound", `no conditional format ${id}`);
      return cf;
    });
  }
  getItemAt(index: number): ConditionalFormat {
    return new ConditionalFormat(this.context, `${this._path}.getItemAt`, () => {
      const cf = this._list(this._model())[index];
      if (!cf) throw new EmulatorError("ItemNotFound", `no conditional format at ${index}`);
      return cf;
    });
  }
  getCount(): ClientResultImpl<number> { return this._result("getCount", (ref) => this._list(ref).length); }
  clearAll(): void {
    this._call("clearAll", {}, (ref) => { ref.sheet.conditionalFormats = ref.sheet.conditionalFormats.filter((cf) => !intersect(cf.rect, ref.rect)); });
  }
}
const CF_COLLECTION_TYPE = type<RangeRef>("ConditionalFormatCollection", {});

function defaultIconCriteria(n: number): { type: string; operator: string; formula: string }[] {
  const out = [{ type: "Invalid", operator: "Invalid", formula: "" }];
  for (let i = 1; i < n; i++) out.push({ type: "Percent", operator: "GreaterThanOrEqual", formula: `=${Math.round((100 * i) / n)}` });
  return out;
}

function sheetOfCf(wb: WorkbookModel, cf: ConditionalFormatModel): SheetModel {
  const s = wb.sheets.find((x) => x.conditionalFormats.includes(cf));
  if (!s) throw new EmulatorError("ItemNotFound", "the conditional format was deleted");
  return s;
}

export class ConditionalFormat extends ClientObjectImpl<ConditionalFormatModel> {
  get _type() { return this._cfType(); }
  private _cfType(): ProxyType<ConditionalFormatModel> {
    const wb = this.context.model;
    return type<ConditionalFormatModel>("ConditionalFormat", {
      id: { get: (m) => m.id },
      type: { get: (m) => m.type },
      stopIfTrue: { get: (m) => m.stopIfTrue, set: (m, v) => { m.stopIfTrue = Boolean(v); } },
      priority: {
        get: (m) => sheetOfCf(wb, m).conditionalFormats.indexOf(m),
        set: (m, v) => {
          const list = sheetOfCf(wb, m).conditionalFormats;
          list.splice(list.indexOf(m), 1);
          let p = Math.trunc(Number(v));
          if (p < 0) p = list.length + 1 + p;
          p = Math.max(0, Math.min(list.length, p));
          list.splice(p, 0, m);
        },
      },
    });
  }
  private _part<T extends ClientObjectImpl>(name: string, want: string, make: (resolve: () => ConditionalFormatModel) => T): T {
    return this._child(name, () => make(() => {
      const m = this._model();
      if (m.type !== want) throw new EmulatorError("InvalidOperation", `a ${m.type} conditional format has no ${name}`);
      return m;
    }));
  }
  get cellValue(): CfPart { return this._part("cellValue", "CellValue", (r) => new CfPart(this.context, `${this._path}.cellValue`, r, "CellValueConditionalFormat")); }
  get textComparison(): CfPart { return this._part("textComparison", "ContainsText", (r) => new CfPart(this.context, `${this._path}.textComparison`, r, "TextConditionalFormat")); }
  get custom(): CfPart { return this._part("custom", "Custom", (r) => new CfPart(this.context, `${this._path}.custom`, r, "CustomConditionalFormat")); }
  get iconSet(): IconSetPart { return this._part("iconSet", "IconSet", (r) => new IconSetPart(this.context, `${this._path}.iconSet`, r)); }
  override _nav(name: string): ClientObjectImpl | undefined {
    if (name === "cellValue") return this.cellValue;
    if (name === "textComparison") return this.textComparison;
    if (name === "custom") return this.custom;
    if (name === "iconSet") return this.iconSet;
    return undefined;
  }
  getRange(): Range {
    return new Range(this.context, `${this._path}.getRange`, () => { const m = this._model(); return { sheet: sheetOfCf(this.context.model, m), rect: m.rect }; });
  }
  delete(): void {
    this._call("delete", {}, (m) => { const s = sheetOfCf(this.context.model, m); s.conditionalFormats.splice(s.conditionalFormats.indexOf(m), 1); });
  }
}
accessors(ConditionalFormat, ["id", "type", "stopIfTrue", "priority"]);

const CF_PART_TYPES: Record<string, ProxyType<ConditionalFormatModel>> = {
  CellValueConditionalFormat: type("CellValueConditionalFormat", {
    rule: { get: (m) => ({ ...m.cellValueRule }), set: (m, v) => { const r = v as { formula1?: string; formula2?: string; operator?: string }; m.cellValueRule = { formula1: String(r.formula1 ?? ""), ...(r.formula2 !== undefined ? { formula2: String(r.formula2) } : {}), operator: String(r.operator ?? "Between") }; } },
  }),
  TextConditionalFormat: type("TextConditionalFormat", {
    rule: { get: (m) => ({ ...m.textRule }), set: (m, v) => { const r = v as { operator?: string; text?: string }; m.textRule = { operator: String(r.operator ?? "Contains"), text: String(r.text ?? "") }; } },
  }),
  CustomConditionalFormat: type("CustomConditionalFormat", {}),
};

/** CellValue, TextComparison and Custom conditional formats: a format and a rule. */
export class CfPart extends ClientObjectImpl<ConditionalFormatModel> {
  constructor(ctx: Ctx, path: string, resolve: () => ConditionalFormatModel, private readonly typeName: string) { super(ctx, path, resolve); }
  get _type() { return CF_PART_TYPES[this.typeName]; }
  get format(): ConditionalRangeFormat { return this._child("format", () => new ConditionalRangeFormat(this.context, `${this._path}.format`, () => this._model())); }
  /** CustomConditionalFormat.rule is an object with a formula property. */
  get rule(): unknown {
    if (this.typeName === "CustomConditionalFormat") return this._child("rule", () => new ConditionalFormatRule(this.context, `${this._path}.rule`, () => this._model()));
    return this._get("rule");
  }
  set rule(v: unknown) { this._set("rule", v); }
  override _nav(name: string): ClientObjectImpl | undefined {
    if (name === "format") return this.format;
    if (name === "rule" && this.typeName === "CustomConditionalFormat") return this.rule as ClientObjectImpl;
    return undefined;
  }
}

const CF_RULE_TYPE = type<ConditionalFormatModel>("ConditionalFormatRule", {
  formula: { get: (m) => m.customFormula ?? "", set: (m, v) => { m.customFormula = String(v); } },
  formulaLocal: { get: (m) => m.customFormula ?? "", set: (m, v) => { m.customFormula = String(v); } },
});
export class ConditionalFormatRule extends ClientObjectImpl<ConditionalFormatModel> {
  get _type() { return CF_RULE_TYPE; }
}
accessors(ConditionalFormatRule, ["formula", "formulaLocal"]);

const ICON_SET_TYPE = type<ConditionalFormatModel>("IconSetConditionalFormat", {
  style: { get: (m) => m.iconSet!.style, set: (m, v) => { m.iconSet!.style = String(v); const n = /^Five/.test(String(v)) ? 5 : /^Four/.test(String(v)) ? 4 : 3; if (m.iconSet!.criteria.length !== n) m.iconSet!.criteria = defaultIconCriteria(n); } },
  reverseIconOrder: { get: (m) => m.iconSet!.reverseIconOrder, set: (m, v) => { m.iconSet!.reverseIconOrder = Boolean(v); } },
  showIconOnly: { get: (m) => m.iconSet!.showIconOnly, set: (m, v) => { m.iconSet!.showIconOnly = Boolean(v); } },
  criteria: {
    get: (m) => m.iconSet!.criteria.map((c) => ({ ...c })),
    set: (m, v) => {
      if (!Array.isArray(v) || v.length !== m.iconSet!.criteria.length) {
        throw new EmulatorError("InvalidArgument", `an icon set of style ${m.iconSet!.style} takes ${m.iconSet!.criteria.length} criteria`);
      }
      m.iconSet!.criteria = v.map((c: Record<string, unknown>) => ({ type: String(c?.type ?? "Invalid"), operator: String(c?.operator ?? "Invalid"), formula: String(c?.formula ?? "") }));
    },
  },
});
export class IconSetPart extends ClientObjectImpl<ConditionalFormatModel> {
  get _type() { return ICON_SET_TYPE; }
}
accessors(IconSetPart, ["style", "reverseIconOrder", "showIconOnly", "criteria"]);

const CF_FORMAT_TYPE = type<ConditionalFormatModel>("ConditionalRangeFormat", {
  numberFormat: { get: (m) => m.format.numberFormat ?? null, set: (m, v) => { m.format.numberFormat = String(v); } },
});
export class ConditionalRangeFormat extends ClientObjectImpl<ConditionalFormatModel> {
  get _type() { return CF_FORMAT_TYPE; }
  get fill(): ConditionalRangeFill { return this._child("fill", () => new ConditionalRangeFill(this.context, `${this._path}.fill`, () => this._model())); }
  get font(): ConditionalRangeFont { return this._child("font", () => new ConditionalRangeFont(this.context, `${this._path}.font`, () => this._model())); }
  override _nav(name: string): ClientObjectImpl | undefined { return name === "fill" ? this.fill : name === "font" ? this.font : undefined; }
}
accessors(ConditionalRangeFormat, ["numberFormat"]);

const CF_FILL_TYPE = type<ConditionalFormatModel>("ConditionalRangeFill", {
  color: { get: (m) => m.format.fill ?? null, set: (m, v) => { m.format.fill = normaliseColour(v); } },
});
export class ConditionalRangeFill extends ClientObjectImpl<ConditionalFormatModel> {
  get _type() { return CF_FILL_TYPE; }
  clear(): void { this._call("clear", {}, (m) => { delete m.format.fill; }); }
}
accessors(ConditionalRangeFill, ["color"]);

const CF_FONT_TYPE = type<ConditionalFormatModel>("ConditionalRangeFont", {
  color: { get: (m) => m.format.fontColor ?? null, set: (m, v) => { m.format.fontColor = normaliseColour(v); } },
  bold: { get: (m) => m.format.bold ?? null, set: (m, v) => { m.format.bold = Boolean(v); } },
  italic: { get: (m) => m.format.italic ?? null, set: (m, v) => { m.format.italic = Boolean(v); } },
});
export class ConditionalRangeFont extends ClientObjectImpl<ConditionalFormatModel> {
  get _type() { return CF_FONT_TYPE; }
}
accessors(ConditionalRangeFont, ["color", "bold", "italic"]);
