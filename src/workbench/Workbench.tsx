import * as React from "react";
import { Button, FluentProvider, Select, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { createExcelApi, formatAddress, installExcelGlobal } from "../emulator";
import type { ExcelApi } from "../emulator";
import type { WorkbookModel } from "../emulator/model";
import { loadXlsx, saveXlsx } from "../emulator/xlsx";
import { addChartsToXlsx } from "../emulator/xlsx-charts";
import { createLaaActions, type RunBatch } from "../excel/actions";
import type { LaaActions } from "../excel/types";
import { App } from "../taskpane/components/App";
import { cellReference } from "../taskpane/components/ProblemList";
import { chartData } from "./chart-data";
import { ChartView } from "./ChartView";
import { SAMPLES, WORKBENCH_TEXT, type SampleChoice } from "./messages";
import { scorecardCommands } from "./scorecard";
import { startCell, type StartCell } from "./selection";
import { SheetGrid } from "./SheetGrid";
import { anycityInsertPlan } from "../samples/anycity";

declare const __APP_VERSION__: string;

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** One open workbook: the emulator over it and the task pane's actions over the emulator. */
interface OpenBook {
  readonly id: number;
  readonly name: string;
  readonly wb: WorkbookModel;
  readonly api: ExcelApi;
  readonly actions: LaaActions;
}

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  intro: { color: tokens.colorNeutralForeground2, margin: 0, flexBasis: "100%" },
  tools: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  body: { display: "flex", flexGrow: 1, minHeight: 0 },
  pane: { width: "380px", flexShrink: 0, overflowY: "auto", borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  book: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, backgroundColor: tokens.colorNeutralBackground1 },
  statusLine: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}` },
  status: { minHeight: "20px", margin: 0, color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The selection as Excel writes it, e.g. "'LAA indicators'!B5". */
function selectionText(book: OpenBook): string {
  const sel = book.wb.selection;
  const sheet = sel ? book.wb.sheets.find((s) => s.id === sel.sheetId) : undefined;
  return sel && sheet ? cellReference(sheet.name, formatAddress(sel.rect)) : "";
}

/** Reads an .xlsx into the emulator and wires the task pane's actions to it; the grid redraws after every run. */
async function openWorkbook(bytes: ArrayBuffer, name: string, id: number, start: StartCell | null, changed: () => void): Promise<OpenBook> {
  const wb = await loadXlsx(bytes);
  const api = createExcelApi(wb);
  // Code written for office.js may read Excel.ChartType etc. from the global, as in Excel.
  installExcelGlobal(api);
  const run: RunBatch = async (batch) => {
    try {
      return await api.run(batch);
    } finally {
      changed();
    }
  };
  const where = start ?? startCell(wb);
  await api.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(where.sheet);
    ws.activate();
    ws.getRange(where.cell).select();
    await context.sync();
  });
  return { id, name, wb, api, actions: createLaaActions(run, scorecardCommands, anycityInsertPlan) };
}

/** Starts a download of bytes as a file. */
function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The workbench: the real task pane beside a grid of the emulator's workbook. It is how people
 * without Excel, and the end-to-end tests, see the add-in work.
 */
export function Workbench(): React.JSX.Element {
  const styles = useStyles();
  const [book, setBook] = React.useState<OpenBook | null>(null);
  const [, setVersion] = React.useState(0);
  const [message, setMessage] = React.useState<{ text: string; error: boolean } | null>({ text: WORKBENCH_TEXT.loading(SAMPLES[0].file), error: false });
  const [sample, setSample] = React.useState(SAMPLES[0].file);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const nextId = React.useRef(1);
  const changed = React.useCallback(() => setVersion((v) => v + 1), []);

  const load = React.useCallback(
    async (what: string, bytes: () => Promise<ArrayBuffer>, start: StartCell | null): Promise<void> => {
      try {
        const opened = await openWorkbook(await bytes(), what, nextId.current++, start, changed);
        setBook(opened);
        setMessage({ text: WORKBENCH_TEXT.loaded(what), error: false });
      } catch (error) {
        console.error("LAA Scorecard workbench: could not open", what, error);
        setMessage({ text: WORKBENCH_TEXT.openFailed(what, (error as Error).message), error: true });
      }
    },
    [changed],
  );

  const loadSample = React.useCallback(
    (choice: SampleChoice) =>
      load(choice.file, async () => {
        const response = await fetch(`samples/${encodeURIComponent(choice.file)}`);
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        return response.arrayBuffer();
      }, { sheet: choice.sheet, cell: choice.cell }),
    [load],
  );

  React.useEffect(() => {
    void loadSample(SAMPLES[0]);
  }, [loadSample]);

  const select = (sheetName: string, row: number, col: number): void => {
    if (!book) return;
    void book.api
      .run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheetName);
        ws.activate();
        ws.getRangeByIndexes(row, col, 1, 1).select();
        await context.sync();
      })
      .finally(changed);
  };

  /** Activates a sheet; the emulator moves the selection to the cells last selected there (or A1). */
  const showSheet = (sheetId: string): void => {
    const sheet = book?.wb.sheets.find((s) => s.id === sheetId);
    if (!book || !sheet) return;
    void book.api
      .run(async (context) => {
        context.workbook.worksheets.getItem(sheet.name).activate();
        await context.sync();
      })
      .finally(changed);
  };

  const save = async (): Promise<void> => {
    if (!book) return;
    try {
      const bytes = await saveXlsx(book.wb, { writeCharts: addChartsToXlsx });
      const name = `${book.name.replace(/\.xlsx$/i, "")} (LAA Scorecard).xlsx`;
      download(bytes, name);
      setMessage({ text: WORKBENCH_TEXT.saved(name), error: false });
    } catch (error) {
      console.error("LAA Scorecard workbench: could not save", error);
      setMessage({ text: WORKBENCH_TEXT.saveFailed((error as Error).message), error: true });
    }
  };

  const onFile = (event: React.ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setSample("");
    setMessage({ text: WORKBENCH_TEXT.loading(file.name), error: false });
    void load(file.name, () => file.arrayBuffer(), null);
  };

  const wb = book?.wb;
  const visible = wb ? wb.sheets.filter((s) => s.visibility === "Visible") : [];
  const activeSheet = wb ? wb.activeSheet() : undefined;
  const selection = wb?.selection && activeSheet && wb.selection.sheetId === activeSheet.id ? wb.selection.rect : null;

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <header className={styles.header}>
          <h1 className={styles.title}>{WORKBENCH_TEXT.title}</h1>
          <div className={styles.tools}>
            <label htmlFor="wb-sample">{WORKBENCH_TEXT.sampleLabel}</label>
            <Select id="wb-sample" value={sample} onChange={(_, data) => {
              setSample(data.value);
              const choice = SAMPLES.find((s) => s.file === data.value);
              if (!choice) return;
              setMessage({ text: WORKBENCH_TEXT.loading(choice.file), error: false });
              void loadSample(choice);
            }}>
              {SAMPLES.map((s) => <option key={s.file} value={s.file}>{s.label}</option>)}
              {sample === "" && book && <option value="">{WORKBENCH_TEXT.ownFile(book.name)}</option>}
            </Select>
            <Button icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()}>{WORKBENCH_TEXT.openLabel}</Button>
            <input ref={fileInput} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" hidden onChange={onFile} data-testid="open-xlsx" />
            <Button icon={<ArrowDownloadRegular />} disabled={!book} onClick={() => void save()}>{WORKBENCH_TEXT.downloadLabel}</Button>
          </div>
          <p className={styles.intro}>{WORKBENCH_TEXT.intro}</p>
        </header>
        <div className={styles.body}>
          {/* Not a landmark: the pane's own <main> must stay top-level (axe landmark-main-is-top-level). */}
          <div className={styles.pane} id="wb-pane" title={WORKBENCH_TEXT.paneLabel}>
            {book && <App key={book.id} actions={book.actions} theme="light" unsupported={[]} version={__APP_VERSION__} />}
          </div>
          <section className={styles.book} aria-label={WORKBENCH_TEXT.workbookLabel}>
            <div className={styles.statusLine}>
              <p role="status" className={`${styles.status} ${message?.error ? styles.error : ""}`}>{message?.text}</p>
              {/* Not a live region: moving round the grid would otherwise be announced twice. */}
              <p id="wb-selection" className={styles.status}>{book ? WORKBENCH_TEXT.selectionLabel(selectionText(book)) : ""}</p>
            </div>
            {wb && activeSheet && (
              <>
                <div role="tablist" aria-label={WORKBENCH_TEXT.sheetsLabel} className="wb-tabs"
                  onKeyDown={(e) => {
                    const i = visible.findIndex((s) => s.id === activeSheet.id);
                    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
                    if (step === 0 || visible.length === 0) return;
                    e.preventDefault();
                    const next = visible[(i + step + visible.length) % visible.length];
                    showSheet(next.id);
                    requestAnimationFrame(() => document.getElementById(`wb-tab-${next.id}`)?.focus());
                  }}>
                  {visible.map((s) => (
                    <button key={s.id} id={`wb-tab-${s.id}`} type="button" role="tab" aria-selected={s.id === activeSheet.id}
                      aria-controls="wb-sheet" tabIndex={s.id === activeSheet.id ? 0 : -1} className="wb-tab"
                      style={s.tabColor ? { borderBottomColor: s.tabColor } : undefined} onClick={() => showSheet(s.id)}>
                      {s.name}
                    </button>
                  ))}
                </div>
                <div id="wb-sheet" role="tabpanel" aria-labelledby={`wb-tab-${activeSheet.id}`} className={`wb-sheet${activeSheet.charts.length > 0 ? " wb-has-charts" : ""}`}>
                  <SheetGrid sheet={activeSheet} selection={selection} onSelect={(r, c) => select(activeSheet.name, r, c)} />
                  {activeSheet.charts.length > 0 && (
                    <section aria-label={WORKBENCH_TEXT.chartsHeading(activeSheet.charts.length)} className="wb-charts">
                      <h2>{WORKBENCH_TEXT.chartsHeading(activeSheet.charts.length)}</h2>
                      {activeSheet.charts.map((c) => <ChartView key={c.id} data={chartData(c)} />)}
                    </section>
                  )}
                </div>
              </>
            )}
          </section>
        </div>
      </div>
    </FluentProvider>
  );
}
