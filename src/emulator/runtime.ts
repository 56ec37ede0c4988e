/**
 * The load/sync machinery: a RequestContext that queues operations until context.sync(), proxies
 * whose properties throw PropertyNotLoaded until loaded and synced, null objects, ClientResult,
 * payload accounting and Excel on the web's limits.
 *
 * Sources:
 * - Proxy objects, load and sync: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts
 * - load() options (strings, arrays, paths such as "format/fill/color", { select, expand }):
 *   https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load
 * - *OrNullObject and isNullObject: https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
 * - A property set on a proxy is readable afterwards without load (office.js keeps the value it
 *   queued: Range.values setter assigns m_values), and reading a property of a null object gives
 *   undefined rather than throwing (office.js throwIfNotLoaded skips null objects).
 * - Limits: "Excel on the web has a payload size limit for requests and responses of 5MB" and "a range
 *   is limited to five million cells for get operations":
 *   https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 *   with codes RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded / RangeExceedsLimit from
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling
 * - track/untrack: https://learn.microsoft.com/office/dev/add-ins/excel/performance#untrack-unneeded-ranges
 */
import { EmulatorError } from "./errors";
import { type Counters, type WorkbookModel, zeroCounters } from "./model";

/** 5 MB, Excel on the web's payload limit for one request and one response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Five million cells per get operation. */
export const CELL_READ_LIMIT = 5_000_000;

/** What the emulator may be told about limits (tests shrink them; default: Excel on the web). */
export interface EmulatorLimits {
  readonly payloadBytes: number;
  readonly cellsPerRead: number;
}

export const DEFAULT_LIMITS: EmulatorLimits = { payloadBytes: PAYLOAD_LIMIT_BYTES, cellsPerRead: CELL_READ_LIMIT };

/** A queued operation. */
interface Action {
  readonly location: string;
  readonly bytes: number;
  run(): void;
}

/** A pending load result, delivered to its proxy only if the whole sync succeeds. */
interface Delivery {
  readonly deliver: () => void;
  readonly bytes: number;
}

/** Byte size of a value as JSON (what crosses the wire to Excel on the web). */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value);
  return s === undefined ? 0 : s.length;
}

/** A normalised load request: scalar properties and navigation properties with their own requests. */
export interface LoadSpec {
  all: boolean;
  props: Set<string>;
  nav: Map<string, LoadSpec>;
}

function emptySpec(): LoadSpec {
  return { all: false, props: new Set(), nav: new Map() };
}

function addPath(spec: LoadSpec, path: string): void {
  const parts = path.trim().split(/[/.]/).filter(Boolean);
  if (parts.length === 0) return;
  let s = spec;
  for (let i = 0; i < parts.length - 1; i++) {
    let child = s.nav.get(parts[i]);
    if (!child) { child = emptySpec(); s.nav.set(parts[i], child); }
    s = child;
  }
  s.props.add(parts[parts.length - 1]);
}

/** Turns any form load() accepts into a LoadSpec. */
export function parseLoadOption(option: unknown): LoadSpec {
  const spec = emptySpec();
  if (option === undefined || option === null) { spec.all = true; return spec; }
  if (typeof option === "string") {
    if (option.trim() === "" || option.trim() === "*") spec.all = true;
    else option.split(",").forEach((p) => addPath(spec, p));
    return spec;
  }
  if (Array.isArray(option)) { option.forEach((p) => addPath(spec, String(p))); return spec; }
  if (typeof option === "object") {
    const o = option as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      const sel = o.select;
      if (typeof sel === "string") sel.split(",").forEach((p) => addPath(spec, p));
      else if (Array.isArray(sel)) sel.forEach((p) => addPath(spec, String(p)));
      const exp = o.expand;
      const expList = typeof exp === "string" ? exp.split(",") : Array.isArray(exp) ? exp.map(String) : [];
      for (const e of expList) if (!spec.nav.has(e.trim())) spec.nav.set(e.trim(), { ...emptySpec(), all: true });
      if (sel === undefined && exp === undefined) spec.all = true;
      return spec;
    }
    // { values: true, format: { fill: { color: true } } }
    for (const [k, v] of Object.entries(o)) {
      if (v === true) spec.props.add(k);
      else if (v && typeof v === "object") spec.nav.set(k, parseLoadOption(v));
    }
    return spec;
  }
  throw new EmulatorError("InvalidArgument", "load() takes a string, an array of strings or an object", "ClientObject.load");
}

/** Scalar property of a proxy over a model M. */
export interface PropDef<M> {
  get(model: M): unknown;
  set?(model: M, value: unknown, ctx: RequestContextImpl): void;
  /** Cells this property reads or writes, for the counters and the 5 million cell rule. */
  cells?(model: M): number;
}

/** The definition a proxy class gives: type name, scalar properties, navigation properties. */
export interface ProxyType<M> {
  readonly typeName: string;
  readonly props: Record<string, PropDef<M>>;
  /** Properties loaded by load() with no arguments (Excel: all scalar properties). */
  readonly defaultLoad?: readonly string[];
}

/** Per-request-context bookkeeping: queue, counters, limits, tracked objects. */
export class RequestContextImpl {
  /** Excel.RequestContext.workbook; set by the object model after construction. */
  workbook!: unknown;
  readonly trackedObjects = {
    add: (obj: ClientObjectImpl | ClientObjectImpl[]) => { (Array.isArray(obj) ? obj : [obj]).forEach((o) => this.tracked.add(o)); },
    remove: (obj: ClientObjectImpl | ClientObjectImpl[]) => { (Array.isArray(obj) ? obj : [obj]).forEach((o) => this.tracked.delete(o)); },
  };
  readonly tracked = new Set<ClientObjectImpl>();
  /** Counters of this context (one Excel.run). */
  readonly counters: Counters = zeroCounters();
  private queue: Action[] = [];
  /** Operations queued since the last sync. */
  get pendingCount(): number { return this.queue.length; }
  private deliveries: Delivery[] = [];
  private pendingBytes = 0;
  private syncing = false;
  /** Set by Application.suspendApiCalculationUntilNextSync. */
  suspendCalculation = false;
  suspendScreenUpdating = false;
  /** True once the run that made this context has finished. */
  closed = false;

  constructor(readonly model: WorkbookModel, readonly limits: EmulatorLimits) {}

  /** Queues an operation; its size counts towards this sync's request payload. */
  enqueue(location: string, payload: unknown, run: () => void): void {
    if (this.closed) throw new EmulatorError("InvalidRequestContext", `"${location}" was used after its Excel.run finished`, location);
    const bytes = 24 + location.length + jsonBytes(payload);
    this.pendingBytes += bytes;
    this.queue.push({ location, bytes, run });
    this.counters.operations++;
  }

  /** Called by load actions during a sync: a response that is delivered if the sync succeeds. */
  respond(bytes: number, deliver: () => void): void {
    this.deliveries.push({ bytes, deliver });
  }

  addCellsRead(n: number): void {
    this.counters.cellsRead += n;
  }

  addCellsWritten(n: number): void {
    this.counters.cellsWritten += n;
  }

  /**
   * Sends the queue. Fails like Excel on the web: the whole request when it is over 5 MB (nothing
   * applied); otherwise operations run in order until one fails (earlier ones stay applied, as in
   * Excel, which has no transactions), and loaded values arrive only when the response fits in 5 MB.
   */
  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this.closed) throw new EmulatorError("InvalidRequestContext", "context.sync() was called after its Excel.run finished", "RequestContext.sync");
    if (this.syncing) throw new EmulatorError("InvalidOperation", "context.sync() was called while another sync of the same context was running", "RequestContext.sync");
    // office.js sends nothing when nothing is queued (syncPrivate: `if (!t.hasActions) return ...`),
    // so an empty sync is not a round trip and is not counted.
    if (this.queue.length === 0) { await Promise.resolve(); return passThroughValue as T; }
    this.syncing = true;
    const queue = this.queue;
    const requestBytes = this.pendingBytes;
    this.queue = [];
    this.pendingBytes = 0;
    this.deliveries = [];
    this.counters.syncs++;
    this.counters.requestBytes += requestBytes;
    this.counters.maxRequestBytes = Math.max(this.counters.maxRequestBytes, requestBytes);
    try {
      // Let the caller's other promises settle first, as a real round trip would.
      await Promise.resolve();
      if (requestBytes > this.limits.payloadBytes) {
        throw new EmulatorError("RequestPayloadSizeLimitExceeded", `this sync sends ${requestBytes} bytes; the limit is ${this.limits.payloadBytes}`, queue[0]?.location);
      }
      for (const action of queue) {
        try {
          action.run();
        } catch (e) {
          if (e instanceof EmulatorError) {
            throw e.debugInfo.errorLocation ? e : new EmulatorError(e.code, e.debugInfo.detail, action.location);
          }
          throw e;
        }
      }
      const responseBytes = this.deliveries.reduce((sum, d) => sum + d.bytes, 0);
      this.counters.responseBytes += responseBytes;
      this.counters.maxResponseBytes = Math.max(this.counters.maxResponseBytes, responseBytes);
      if (responseBytes > this.limits.payloadBytes) {
        throw new EmulatorError("ResponsePayloadSizeLimitExceeded", `this sync would return ${responseBytes} bytes; the limit is ${this.limits.payloadBytes}`);
      }
      for (const d of this.deliveries) d.deliver();
      return passThroughValue as T;
    } finally {
      this.deliveries = [];
      this.syncing = false;
      this.finishSync();
    }
  }

  /** Recalculates (when an engine is plugged in) before anything is read, unless calculation is suspended or manual. */
  calculateIfNeeded(): void {
    const model = this.model;
    if (model.formulasDirty && model.formulaEngine && !this.suspendCalculation && model.calculationMode !== "Manual") {
      model.formulaEngine.recalculate(model);
      model.formulasDirty = false;
    }
  }

  private finishSync(): void {
    this.calculateIfNeeded();
    this.suspendCalculation = false;
    this.suspendScreenUpdating = false;
  }
}

/** ClientResult<T>: the value of a method such as getCount(), available after sync. */
export class ClientResultImpl<T> {
  private loaded = false;
  private v: T | undefined;
  set(v: T): void { this.v = v; this.loaded = true; }
  get value(): T {
    if (!this.loaded) throw new EmulatorError("PropertyNotLoaded", "read ClientResult.value before context.sync()", "ClientResult.value", "value");
    return this.v as T;
  }
}

/**
 * Base of every proxy: resolves its model lazily during a sync (so getItem of a missing item fails
 * at sync), keeps loaded values, gives isNullObject, load, toJSON, track and untrack.
 */
export abstract class ClientObjectImpl<M = unknown> {
  /** Scalar values loaded (or set) on this proxy. */
  _loaded: Record<string, unknown> = {};
  _isNull: boolean | undefined;
  private _cache: { m: M | null } | undefined;
  private readonly _children = new Map<string, ClientObjectImpl>();

  constructor(
    readonly context: RequestContextImpl,
    readonly _path: string,
    private readonly _resolver: () => M | null,
    readonly _orNull = false,
  ) {
    if (_orNull) {
      // An *OrNullObject result learns whether it is null at the next sync, without load().
      context.enqueue(`${_path}`, { op: "instantiate" }, () => {
        const m = this._resolveOrNull();
        const isNull = m === null;
        context.respond(16, () => { this._isNull = isNull; });
      });
    }
  }

  abstract get _type(): ProxyType<M>;

  /** The model, or null for a null object. Errors (ItemNotFound...) propagate. Cached once found. */
  _resolveOrNull(): M | null {
    if (this._cache && this._cache.m !== null) return this._cache.m;
    let m: M | null;
    try {
      m = this._resolver();
    } catch (e) {
      // Only this object's own lookup may give a null object; a parent's failure (it carries the
      // parent's errorLocation) still fails, as getItem("Missing").getUsedRangeOrNullObject() does in Excel.
      if (this._orNull && e instanceof EmulatorError && !e.debugInfo.errorLocation && (e.code === "ItemNotFound" || e.code === "InvalidArgument")) m = null;
      else if (e instanceof EmulatorError && !e.debugInfo.errorLocation) throw new EmulatorError(e.code, e.debugInfo.detail, this._path);
      else throw e;
    }
    this._cache = { m };
    return m;
  }

  /** The model for an operation; a null object cannot be acted on (ItemNotFound). */
  _model(): M {
    const m = this._resolveOrNull();
    if (m === null) throw new EmulatorError("ItemNotFound", `${this._path} is a null object`, this._path);
    return m;
  }

  /** A child proxy for a navigation property, created once. */
  _child<C extends ClientObjectImpl>(name: string, make: () => C): C {
    let c = this._children.get(name);
    if (!c) { c = make(); this._children.set(name, c); }
    return c as C;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw new EmulatorError("PropertyNotLoaded", undefined, `${this._type.typeName}.isNullObject`, "isNullObject");
    return this._isNull;
  }

  /** Reads a scalar property: PropertyNotLoaded until loaded (or set) and synced. */
  _get(name: string): unknown {
    if (this._isNull === true) return undefined;
    if (!(name in this._loaded)) throw new EmulatorError("PropertyNotLoaded", undefined, `${this._type.typeName}.${name}`, name);
    return this._loaded[name];
  }

  /** Sets a scalar property: kept locally and queued for the next sync. */
  _set(name: string, value: unknown): void {
    const def = this._type.props[name];
    if (!def?.set) throw new EmulatorError("InvalidOperation", `The property '${name}' is read-only and it cannot be updated.`, `${this._type.typeName}.${name}`);
    this._loaded[name] = value;
    this.context.enqueue(`${this._type.typeName}.${name}`, { path: this._path, set: name, value }, () => {
      const m = this._model();
      def.set!(m, value, this.context);
    });
  }

  /**
   * Proxies passed as arguments must belong to this context; office.js checks this when the method
   * is called ("Cannot use the object across different request contexts.", InvalidRequestContext).
   */
  _sameContext(...args: unknown[]): void {
    for (const a of args) {
      if (a instanceof ClientObjectImpl && a.context !== this.context) {
        throw new EmulatorError("InvalidRequestContext", `${a._path} belongs to another request context`, `${this._type.typeName}`);
      }
    }
  }

  /** Queues a method call with side effects. */
  _call(method: string, args: unknown, run: (m: M) => void): void {
    this.context.enqueue(`${this._type.typeName}.${method}`, { path: this._path, call: method, args }, () => run(this._model()));
  }

  /** Queues a method call that returns a scalar (ClientResult). */
  _result<T>(method: string, compute: (m: M) => T): ClientResultImpl<T> {
    const r = new ClientResultImpl<T>();
    this.context.enqueue(`${this._type.typeName}.${method}`, { path: this._path, call: method }, () => {
      const v = compute(this._model());
      this.context.respond(jsonBytes(v), () => r.set(v));
    });
    return r;
  }

  /** Navigation children, by name, that load paths may reach. Overridden by types with children. */
  _nav(_name: string): ClientObjectImpl | undefined {
    return undefined;
  }

  load(option?: unknown): this {
    const spec = parseLoadOption(option);
    this.context.enqueue(`${this._type.typeName}.load`, { path: this._path, load: option ?? "*" }, () => this._runLoad(spec));
    return this;
  }

  /** Runs a load during a sync: snapshots values now, delivers them if the sync succeeds. */
  _runLoad(spec: LoadSpec): void {
    this.context.calculateIfNeeded();
    const m = this._resolveOrNull();
    if (m === null) {
      this.context.respond(16, () => { this._isNull = true; });
      return;
    }
    const type = this._type;
    const names = spec.all ? (type.defaultLoad ?? Object.keys(type.props)) : [...spec.props];
    const values: Record<string, unknown> = {};
    for (const name of names) {
      const def = type.props[name];
      if (!def) {
        const child = this._nav(name);
        if (child) { child._runLoad({ all: true, props: new Set(), nav: new Map() }); continue; }
        throw new EmulatorError("InvalidArgument", `${type.typeName} has no property "${name}"`, `${type.typeName}.load`);
      }
      const cells = def.cells?.(m) ?? 0;
      if (cells > this.context.limits.cellsPerRead) {
        throw new EmulatorError("RangeExceedsLimit", `reading ${name} of ${cells} cells; the limit is ${this.context.limits.cellsPerRead}`, `${type.typeName}.${name}`);
      }
      this.context.addCellsRead(cells);
      values[name] = def.get(m);
    }
    for (const [navName, childSpec] of spec.nav) {
      const child = this._nav(navName);
      if (!child) throw new EmulatorError("InvalidArgument", `${type.typeName} has no navigation property "${navName}"`, `${type.typeName}.load`);
      child._runLoad(childSpec);
    }
    this.context.respond(jsonBytes(values), () => {
      Object.assign(this._loaded, values);
      this._isNull = false;
    });
  }

  /** Plain object of what is loaded, as office.js's toJSON gives. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { ...this._loaded };
    for (const [name, child] of this._children) {
      const j = child.toJSON();
      if (Object.keys(j).length > 0) out[name] = j;
    }
    return out;
  }

  track(): this {
    this.context.tracked.add(this as ClientObjectImpl);
    return this;
  }

  untrack(): this {
    this.context.tracked.delete(this as ClientObjectImpl);
    return this;
  }
}

/**
 * A collection proxy: items after load, getCount(), and item specs ("items/name" or just "name").
 */
export abstract class CollectionImpl<M, I extends ClientObjectImpl> extends ClientObjectImpl<M> {
  private _items: I[] | undefined;

  abstract _list(m: M): unknown[];
  abstract _itemProxy(model: unknown, index: number): I;

  get items(): I[] {
    if (this._isNull === true) return [];
    if (this._items === undefined) throw new EmulatorError("PropertyNotLoaded", undefined, `${this._type.typeName}.items`, "items");
    return this._items;
  }

  override _runLoad(spec: LoadSpec): void {
    const m = this._model();
    const list = this._list(m);
    const itemSpec: LoadSpec = { all: spec.all, props: new Set(), nav: new Map(spec.nav) };
    for (const p of spec.props) if (p !== "items") itemSpec.props.add(p);
    const itemsNav = spec.nav.get("items");
    if (itemsNav) {
      itemSpec.nav.delete("items");
      itemsNav.props.forEach((p) => itemSpec.props.add(p));
      itemsNav.nav.forEach((v, k) => itemSpec.nav.set(k, v));
      if (itemsNav.all) itemSpec.all = true;
    }
    if (itemSpec.props.size === 0 && itemSpec.nav.size === 0) itemSpec.all = true;
    const items = list.map((x, i) => this._itemProxy(x, i));
    for (const item of items) item._runLoad(itemSpec);
    this.context.respond(16, () => { this._items = items; this._isNull = false; });
  }

  override toJSON(): Record<string, unknown> {
    return { items: (this._items ?? []).map((i) => i.toJSON()) };
  }
}
