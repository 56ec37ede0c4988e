/**
 * Settings, names, Application and Workbook.
 * Each class mirrors the Excel JavaScript API class of the same name
 * (https://learn.microsoft.com/javascript/api/excel); the comment on each cites the page whose behaviour it copies.
 */
import { formatAddress } from "./address";
import { EmulatorError } from "./errors";
import { type NameModel, type WorkbookModel } from "./model";
import { ClientObjectImpl, CollectionImpl, type ClientResultImpl } from "./runtime";
import { type RangeRef, accessors, type, workbookRange } from "./object-helpers";
import { Range } from "./range";
import { validName, TableCollection } from "./tables";
import { WorksheetCollection } from "./worksheet";

// ---------------------------------------------------------------------------------------------
// Settings  https://learn.microsoft.com/javascript/api/excel/excel.settingcollection
// Values are stored as JSON ("Setting.value: Represents the value stored for this setting"; the
// collection persists JSON-serialisable values with the document).
// ---------------------------------------------------------------------------------------------

function toSettingJson(value: unknown): string {
  const json = value === undefined ? undefined : JSON.stringify(value);
  if (json === undefined) throw new EmulatorError("InvalidArgument", "a setting's value must be JSON-serialisable");
  return json;
}

export class SettingCollection extends CollectionImpl<WorkbookModel, Setting> {
  get _type() { return SETTINGS_TYPE; }
  _list(wb: WorkbookModel): string[] { return [...wb.settings.keys()]; }
  _itemProxy(m: unknown): Setting { return new Setting(this.context, `Settings.items`, () => ({ wb: this._model(), key: m as string })); }
  /** "Sets or adds the specified setting to the workbook." */
  add(key: string, value: unknown): Setting {
    const json = toSettingJson(value);
    this._call("add", { key, value }, (wb) => {
      if (typeof key !== "string" || key === "") throw new EmulatorError("InvalidArgument", "a setting needs a key");
      wb.settings.set(key, json);
    });
    return new Setting(this.context, `Settings.add(${JSON.stringify(key)})`, () => ({ wb: this._model(), key }));
  }
  private _find(key: string): { wb: WorkbookModel; key: string } {
    const wb = this._model();
    if (!wb.settings.has(key)) throw new EmulatorError("ItemNotFound", `no setting "${key}"`);
    return { wb, key };
  }
  getItem(key: string): Setting { return new Setting(this.context, `Settings.getItem(${JSON.stringify(key)})`, () => this._find(key)); }
  getItemOrNullObject(key: string): Setting { return new Setting(this.context, `Settings.getItemOrNullObject(${JSON.stringify(key)})`, () => this._find(key), true); }
  getCount(): ClientResultImpl<number> { return this._result("getCount", (wb) => wb.settings.size); }
}
const SETTINGS_TYPE = type<WorkbookModel>("SettingCollection", {});

interface SettingRef { wb: WorkbookModel; key: string }
const SETTING_TYPE = type<SettingRef>("Setting", {
  key: { get: (s) => s.key },
  value: {
    get: (s) => { const j = s.wb.settings.get(s.key); if (j === undefined) throw new EmulatorError("ItemNotFound", `no setting "${s.key}"`); return JSON.parse(j); },
    set: (s, v) => { s.wb.settings.set(s.key, toSettingJson(v)); },
  },
});
export class Setting extends ClientObjectImpl<SettingRef> {
  get _type() { return SETTING_TYPE; }
  override _set(name: string, value: unknown): void {
    if (name === "value") toSettingJson(value);
    super._set(name, value);
  }
  delete(): void { this._call("delete", {}, (s) => { s.wb.settings.delete(s.key); }); }
}
accessors(Setting, ["key", "value"]);

// ---------------------------------------------------------------------------------------------
// Names  https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection
// ---------------------------------------------------------------------------------------------

export class NamedItemCollection extends CollectionImpl<WorkbookModel, NamedItem> {
  get _type() { return NAMES_TYPE; }
  _list(wb: WorkbookModel): NameModel[] { return [...wb.names.values()]; }
  _itemProxy(m: unknown): NamedItem { return new NamedItem(this.context, "Names.items", () => m as NameModel); }
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    this._sameContext(reference);
    let created: NameModel | undefined;
    this._call("add", { name, reference: typeof reference === "string" ? reference : reference._path, comment }, (wb) => {
      if (!validName(name)) throw new EmulatorError("InvalidArgument", `"${name}" is not a valid name`);
      if (wb.names.has(name.toLowerCase()) || wb.tableByName(name)) throw new EmulatorError("ItemAlreadyExists", `the name "${name}" is taken`);
      const formula = typeof reference === "string" ? (reference.startsWith("=") ? reference : `=${reference}`) : `=${formatAddress(reference._model().rect, reference._model().sheet.name, true)}`;
      created = { name, formula, comment: comment ?? "", visible: true };
      wb.names.set(name.toLowerCase(), created);
    });
    return new NamedItem(this.context, `Names.add(${JSON.stringify(name)})`, () => {
      if (!created) throw new EmulatorError("ItemNotFound", "the name was not added");
      return created;
    });
  }
  private _find(name: string): NameModel {
    const n = this._model().names.get(name.toLowerCase());
    if (!n) throw new EmulatorError("ItemNotFound", `no name "${name}"`);
    return n;
  }
  getItem(name: string): NamedItem { return new NamedItem(this.context, `Names.getItem(${JSON.stringify(name)})`, () => this._find(name)); }
  getItemOrNullObject(name: string): NamedItem { return new NamedItem(this.context, `Names.getItemOrNullObject(${JSON.stringify(name)})`, () => this._find(name), true); }
  getCount(): ClientResultImpl<number> { return this._result("getCount", (wb) => wb.names.size); }
}
const NAMES_TYPE = type<WorkbookModel>("NamedItemCollection", {});

function nameTarget(wb: WorkbookModel, n: NameModel): RangeRef | null {
  try {
    const ref = workbookRange(wb, n.formula.replace(/^=/, ""));
    return ref;
  } catch {
    return null;
  }
}

const NAMED_ITEM_TYPE = (wb: WorkbookModel) => type<NameModel>("NamedItem", {
  name: { get: (n) => n.name },
  type: { get: (n) => (nameTarget(wb, n) ? "Range" : /^="/.test(n.formula) ? "String" : /^=[-+]?[\d.]+$/.test(n.formula) ? "Double" : /^=(TRUE|FALSE)$/i.test(n.formula) ? "Boolean" : "Error") },
  value: { get: (n) => n.formula.replace(/^=/, "") },
  formula: { get: (n) => n.formula, set: (n, v) => { const s = String(v); n.formula = s.startsWith("=") ? s : `=${s}`; } },
  comment: { get: (n) => n.comment, set: (n, v) => { n.comment = String(v); } },
  visible: { get: (n) => n.visible, set: (n, v) => { n.visible = Boolean(v); } },
});
export class NamedItem extends ClientObjectImpl<NameModel> {
  get _type() { return NAMED_ITEM_TYPE(this.context.model); }
  private _target(): RangeRef {
    const r = nameTarget(this.context.model, this._model());
    if (!r) throw new EmulatorError("InvalidOperation", `the name ${this._model().name} does not refer to a range`);
    return r;
  }
  getRange(): Range { return new Range(this.context, `${this._path}.getRange()`, () => this._target()); }
  getRangeOrNullObject(): Range {
    return new Range(this.context, `${this._path}.getRangeOrNullObject()`, () => {
      const r = nameTarget(this.context.model, this._model());
      if (!r) throw new EmulatorError("ItemNotFound", "the name does not refer to a range");
      return r;
    }, true);
  }
  delete(): void { this._call("delete", {}, (n) => { this.context.model.names.delete(n.name.toLowerCase()); }); }
}
accessors(NamedItem, ["name", "type", "value", "formula", "comment", "visible"]);

// ---------------------------------------------------------------------------------------------
// Application and Workbook
// https://learn.microsoft.com/javascript/api/excel/excel.application
// https://learn.microsoft.com/javascript/api/excel/excel.workbook
// ---------------------------------------------------------------------------------------------

const APPLICATION_TYPE = type<WorkbookModel>("Application", {
  calculationMode: {
    get: (wb) => wb.calculationMode,
    set: (wb, v) => {
      if (v !== "Automatic" && v !== "AutomaticExceptTables" && v !== "Manual") throw new EmulatorError("InvalidArgument", `calculation mode "${v}"`);
      wb.calculationMode = v;
    },
  },
});
export class Application extends ClientObjectImpl<WorkbookModel> {
  get _type() { return APPLICATION_TYPE; }
  /** "Suspends calculation until the next context.sync() is called. Once set, it is the developer's responsibility to re-calc the workbook." */
  suspendApiCalculationUntilNextSync(): void { this._call("suspendApiCalculationUntilNextSync", {}, () => { this.context.suspendCalculation = true; }); }
  /** "Suspends screen updating until the next context.sync() is called." */
  suspendScreenUpdatingUntilNextSync(): void { this._call("suspendScreenUpdatingUntilNextSync", {}, () => { this.context.suspendScreenUpdating = true; }); }
  calculate(_calculationType?: string): void {
    this._call("calculate", {}, (wb) => { if (wb.formulaEngine) { wb.formulaEngine.recalculate(wb); wb.formulasDirty = false; } });
  }
}
accessors(Application, ["calculationMode"]);

const WORKBOOK_TYPE = type<WorkbookModel>("Workbook", { name: { get: () => "Book1" } });
export class Workbook extends ClientObjectImpl<WorkbookModel> {
  get _type() { return WORKBOOK_TYPE; }
  get worksheets(): WorksheetCollection { return this._child("worksheets", () => new WorksheetCollection(this.context, "Worksheets", () => this._model())); }
  get tables(): TableCollection { return this._child("tables", () => new TableCollection(this.context, "Tables", () => ({ wb: this._model() }))); }
  get names(): NamedItemCollection { return this._child("names", () => new NamedItemCollection(this.context, "Names", () => this._model())); }
  get settings(): SettingCollection { return this._child("settings", () => new SettingCollection(this.context, "Settings", () => this._model())); }
  get application(): Application { return this._child("application", () => new Application(this.context, "Application", () => this._model())); }
  override _nav(name: string): ClientObjectImpl | undefined {
    return ({ worksheets: this.worksheets, tables: this.tables, names: this.names, settings: this.settings, application: this.application } as Record<string, ClientObjectImpl>)[name];
  }
  /** The selected range; A1 of the active sheet when nothing was selected. */
  getSelectedRange(): Range {
    return new Range(this.context, "Workbook.getSelectedRange()", () => {
      const wb = this._model();
      const sel = wb.selection;
      const sheet = sel ? wb.sheets.find((s) => s.id === sel.sheetId) : undefined;
      return sheet && sel ? { sheet, rect: sel.rect } : { sheet: wb.activeSheet(), rect: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    });
  }
  getActiveCell(): Range {
    return new Range(this.context, "Workbook.getActiveCell()", () => {
      const wb = this._model();
      const sel = wb.selection;
      const sheet = sel ? wb.sheets.find((s) => s.id === sel.sheetId) : undefined;
      return sheet && sel ? { sheet, rect: { row: sel.rect.row, col: sel.rect.col, rowCount: 1, colCount: 1 } } : { sheet: wb.activeSheet(), rect: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    });
  }
}
