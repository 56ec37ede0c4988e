import * as React from "react";
import {
  Button, Caption1, FluentProvider, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Tab, TabList,
  Title3, makeStyles, tokens, webDarkTheme, webLightTheme,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { RuleSettings } from "../../core/rules/types";
import { DEFAULT_RULE_SETTINGS } from "../../core/rules/types";
import type { ColumnMappingEntry, Detected, LaaActions, ProgressListener, WorkbookSettings } from "../../excel/types";
import type { ActionResult, PanelAction, Progress } from "./ActionsPanel";
import { ActionsPanel } from "./ActionsPanel";
import { DataPanel } from "./DataPanel";
import type { ActionKey, Failure } from "../../shared/failures";
import { describeFailure } from "../../shared/failures";
import { PANE_TEXT } from "./messages";
import { needsPolarityConfirmation, withPolarityConfirmed } from "./polarity-confirm";
import { RulesPanel } from "./RulesPanel";

/** A feature this Excel cannot run, and why (found by the entry file from the requirement sets). */
export interface UnsupportedFeature {
  readonly feature: string;
  readonly why: string;
}

export interface AppProps {
  /** What the pane asks the workbook to do; null outside Excel, where the pane says so and does nothing. */
  readonly actions: LaaActions | null;
  /** The Office theme: the pane follows it. */
  readonly theme: "light" | "dark";
  /** Features this Excel is too old for. */
  readonly unsupported: readonly UnsupportedFeature[];
  /** The add-in's version, shown so analysts can say which one they used. */
  readonly version: string;
  /** Shown above the pane inside its one FluentProvider (the ribbon's last outcome, in Excel). */
  readonly banner?: React.ReactNode;
}

/**
 * The methods guide (docs/methods.md), built beside the pane as methods.html (webpack.config.js), so the
 * link works offline and inside Excel; anchors such as methods.html#tolerance reach a method's section.
 */
export const METHODS_GUIDE_URL = "methods.html";

type TabKey = "data" | "rules" | "actions";
const TABS: readonly { key: TabKey; label: string }[] = [
  { key: "data", label: "Data" },
  { key: "rules", label: "Rules" },
  { key: "actions", label: "Actions & results" },
];

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/** A failure on screen: errors from what a person asked for; warnings from what the pane did by itself. */
interface Shown extends Failure {
  readonly intent: "error" | "warning";
}

const useStyles = makeStyles({
  page: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "600px",
  },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
  version: { color: tokens.colorNeutralForeground3 },
  footer: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "baseline" },
});

/** The task pane. It never touches Office: the workbook's actions, theme and limits arrive as props. */
export function App({ actions, theme, unsupported, version, banner }: AppProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} data-theme={theme}>
      {/* Page styles go on an inner element: Fluent copies the provider's classes onto the mount node of
          every popup (Dropdown lists), so a full-height background there would cover the pane. */}
      <div className={styles.page}>
        {banner}
        <main className={styles.root} aria-labelledby="product-name">
          <Title3 as="h1" id="product-name">
            LAA Scorecard
          </Title3>
          {actions === null ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{PANE_TEXT.outsideExcelTitle}</MessageBarTitle>
                {PANE_TEXT.outsideExcel}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <Workbench actions={actions} unsupported={unsupported} />
          )}
          <footer className={styles.footer}>
            {/* A plain link to the bundled page, opened in a new window: Office.context.ui.openBrowserWindow
                is not in every Excel, and the page is on the add-in's own origin, so it works offline. */}
            <Link href={METHODS_GUIDE_URL} target="_blank" rel="noopener noreferrer" title={PANE_TEXT.methodsGuideAbout}>
              {PANE_TEXT.methodsGuide}
            </Link>
            <Caption1 className={styles.version}>Version {version}</Caption1>
          </footer>
        </main>
      </div>
    </FluentProvider>
  );
}

/** The working pane, once there is a workbook to work on. */
function Workbench({ actions, unsupported }: { actions: LaaActions; unsupported: readonly UnsupportedFeature[] }): React.JSX.Element {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabKey>("actions");
  const [detection, setDetection] = React.useState<Detected | null>(null);
  /** True while the pane asks to confirm rating on an assumed polarity (docs/methods.md#polarity-assumed). */
  const [askPolarity, setAskPolarity] = React.useState(false);
  const [settings, setSettings] = React.useState<WorkbookSettings>({ rules: DEFAULT_RULE_SETTINGS, mapping: null });
  const [settingsCount, setSettingsCount] = React.useState(0);
  const [loadWarnings, setLoadWarnings] = React.useState<readonly string[]>([]);
  const [running, setRunning] = React.useState<ActionKey | null>(null);
  const runningRef = React.useRef<ActionKey | null>(null);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [result, setResult] = React.useState<ActionResult | null>(null);
  const [failure, setFailure] = React.useState<Shown | null>(null);

  /** Runs one action at a time: buttons disable, progress shows, a rejection becomes words. */
  const run = React.useCallback(
    async <T,>(key: ActionKey, work: (onProgress: ProgressListener) => Promise<T>, intent: Shown["intent"] = "error"): Promise<Outcome<T>> => {
      if (runningRef.current !== null) return { ok: false };
      runningRef.current = key;
      setRunning(key);
      setProgress(null);
      // Something a person asked for replaces the last message; the pane's own start-up checks add to it.
      if (intent === "error") setFailure(null);
      try {
        const value = await work((fraction, message) => {
          // A late report from an earlier action must not label this one; a fraction that is not a
          // number shows as "working" without a position.
          if (runningRef.current !== key) return;
          setProgress({ fraction: Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : null, message });
        });
        return { ok: true, value };
      } catch (error) {
        // The detail is for whoever debugs; the person sees what happened and what to do next.
        console.error(`LAA Scorecard: ${key} failed`, error);
        setFailure({ ...describeFailure(key, error), intent });
        return { ok: false };
      } finally {
        runningRef.current = null;
        setRunning(null);
        setProgress(null);
      }
    },
    [],
  );

  const detect = React.useCallback(
    async (intent: Shown["intent"] = "error"): Promise<void> => {
      if (runningRef.current !== null) return;
      const found = await run("detect", () => actions.detect(), intent);
      setDetection(found.ok ? found.value : null);
    },
    [actions, run],
  );

  React.useEffect(() => {
    let cancelled = false;
    void (async () => {
      const loaded = await run("loadSettings", () => actions.loadSettings(), "warning");
      if (cancelled) return;
      if (loaded.ok) {
        setSettings(loaded.value.settings);
        setLoadWarnings(loaded.value.warnings);
        setSettingsCount((n) => n + 1);
      }
      // A workbook without indicators yet is normal (Insert sample data is one click away): a warning, not an error.
      await detect("warning");
    })();
    return () => {
      cancelled = true;
    };
  }, [actions, run, detect]);

  const selectCell = React.useCallback(
    (sheet: string, address: string): void => {
      actions.selectCell(sheet, address).catch((error: unknown) => {
        console.error("LAA Scorecard: selectCell failed", error);
        setFailure({ ...describeFailure("selectCell", error), intent: "error" });
      });
    },
    [actions],
  );

  const saveSettings = async (next: WorkbookSettings): Promise<boolean> => {
    const saved = await run("saveSettings", () => actions.saveSettings(next));
    if (saved.ok) setSettings(next);
    return saved.ok;
  };

  const saveRules = (rules: RuleSettings): Promise<boolean> => saveSettings({ ...settings, rules });

  const saveMapping = async (mapping: readonly ColumnMappingEntry[] | null): Promise<void> => {
    if (await saveSettings({ ...settings, mapping })) await detect();
  };

  const onRun = async (action: PanelAction): Promise<void> => {
    if (runningRef.current !== null) return;
    setAskPolarity(false);
    // Before the first rating of a table without a Polarity column, the user confirms "higher is better".
    if (action === "rateRag" && needsPolarityConfirmation(detection, settings)) {
      setAskPolarity(true);
      return;
    }
    // An older result under a new failure would read as if the new action had worked.
    setResult(null);
    switch (action) {
      case "rateRag": {
        const done = await run(action, (p) => actions.rateRag(p));
        if (done.ok) setResult({ kind: action, report: done.value });
        break;
      }
      case "buildScorecard": {
        const done = await run(action, (p) => actions.buildScorecard(p));
        if (done.ok) setResult({ kind: action, report: done.value });
        break;
      }
      case "refreshScorecards": {
        const done = await run(action, (p) => actions.refreshScorecards(p));
        if (done.ok) setResult({ kind: action, report: done.value });
        break;
      }
      case "saveSnapshot": {
        const done = await run(action, () => actions.saveSnapshot());
        if (done.ok) setResult({ kind: action, ...done.value });
        break;
      }
      case "removeRatings": {
        const done = await run(action, () => actions.removeRatings());
        if (done.ok) setResult({ kind: action, ...done.value });
        break;
      }
      case "insertReviewChecklist": {
        const done = await run(action, () => actions.insertReviewChecklist());
        if (done.ok) setResult({ kind: action, ...done.value });
        break;
      }
      case "insertSampleData": {
        const done = await run(action, () => actions.insertSampleData());
        if (done.ok) {
          setResult({ kind: action, ...done.value });
          await detect();
        }
        break;
      }
    }
  };

  /** Rate anyway: rates and, once rated, remembers the confirmation for this table so it is not asked again. */
  const rateAnyway = async (): Promise<void> => {
    if (runningRef.current !== null || detection === null) return;
    setAskPolarity(false);
    setResult(null);
    const source = detection.source;
    const done = await run("rateRag", (p) => actions.rateRag(p));
    if (!done.ok) return;
    setResult({ kind: "rateRag", report: done.value });
    // Remembered once rated, so a failure above stays on screen and the question comes again.
    await saveSettings(withPolarityConfirmed(settings, source));
  };

  /** The Data tab with its column mapping in view and focused, where the Polarity column is checked. */
  const openMapping = (): void => {
    setTab("data");
    // After the tab's panel is shown (the next frame), so focus lands on something visible.
    requestAnimationFrame(() => {
      const heading = document.getElementById("data-mapping-heading");
      heading?.scrollIntoView?.({ block: "start" });
      heading?.focus();
    });
  };

  const busy = running !== null;
  return (
    <>
      {unsupported.map((u) => (
        <MessageBar key={u.feature} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{PANE_TEXT.unsupportedTitle(u.feature)}</MessageBarTitle>
            {u.why}
          </MessageBarBody>
        </MessageBar>
      ))}
      {loadWarnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{PANE_TEXT.loadWarningsTitle}</MessageBarTitle>
            {loadWarnings.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      <div aria-live="assertive">
        {failure && (
          <MessageBar intent={failure.intent} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{failure.title}</MessageBarTitle>
              {failure.detail} {failure.nextStep}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" aria-label="Dismiss message" icon={<DismissRegular />} onClick={() => setFailure(null)} />
              }
            />
          </MessageBar>
        )}
      </div>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TabKey)}
        aria-label="Task pane sections"
        size="small"
      >
        {TABS.map((t) => (
          <Tab key={t.key} value={t.key} id={`tab-${t.key}`} aria-controls={`panel-${t.key}`}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      {/* Panels stay mounted while hidden so a half-edited rule or mapping survives a change of tab. */}
      <div role="tabpanel" id="panel-data" aria-labelledby="tab-data" hidden={tab !== "data"}>
        <DataPanel
          detection={detection}
          mappingSaved={settings.mapping !== null}
          busy={busy}
          onDetect={() => void detect()}
          onSaveMapping={(mapping) => void saveMapping(mapping)}
          onResetMapping={() => void saveMapping(null)}
          onSelectCell={selectCell}
        />
      </div>
      <div role="tabpanel" id="panel-rules" aria-labelledby="tab-rules" hidden={tab !== "rules"}>
        <RulesPanel key={settingsCount} rules={settings.rules} mapping={detection?.mapping ?? null} layout={detection?.source.layout ?? null} busy={busy} onSave={saveRules} />
      </div>
      <div role="tabpanel" id="panel-actions" aria-labelledby="tab-actions" hidden={tab !== "actions"}>
        <ActionsPanel running={running} progress={progress} result={result} onRun={(a) => void onRun(a)} onSelectCell={selectCell} onOpenMapping={openMapping}
          polarityQuestion={askPolarity ? { onRateAnyway: () => void rateAnyway(), onChoose: () => { setAskPolarity(false); openMapping(); } } : undefined}
        />
      </div>
    </>
  );
}
