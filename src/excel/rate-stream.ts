/**
 * Rate RAG while it reads (docs/architecture.md, Performance), pure: no Office here. A long table is
 * read in several syncs; when the rows read so far settle where the outputs go and how each row is
 * rated, the outputs of those rows are written in the same syncs that read the next rows, instead of
 * all after the last read. Excel on the web limits each request and each response to 5 MB
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization),
 * so a sync can carry a block of writes one way and a block of reads the other.
 *
 * The rows read settle everything when the table is in the wide layout (each row is rated on its own:
 * rate-compute.ts ratingBuilder) and the rows still to come cannot move the source, its header row,
 * its columns or the outputs' place, nor put a cell of the user's where the outputs go. Otherwise
 * (a long table, whose series and benchmark rows span it; an earlier 7-column block to upgrade; a
 * region that may still widen) nothing is written until every row is read. In the end the plan is
 * planRateRag's on every row, less what was written, so the cells, the report and the record are
 * those of a plan made after reading everything.
 */
import type { A1Box } from "../core/a1";
import { syncBatches, type WriteOp } from "./plan";
import { ratingBuilder, type OutputRow, type RatingBuilder } from "./rate-compute";
import { inputRow, outputCells, planLead, planRateRag, planSource, sourceHead, type OutputPlace, type PlanOptions, type RateSnapshot, type SourceHead } from "./rate-plan";
import { isBlank } from "./region";
import type { RateReport } from "./types";

/** Rows the header row is looked for in (mapping.ts detectHeaderRow): they must all be read first. */
const HEADER_SCAN_ROWS = 20;

/** Rate RAG's writes handed out while it reads (startStream). */
export interface RateStream {
  /** Takes in the rows read since (the used range's values, grown at the end) and rates the source's. */
  read(values: readonly (readonly unknown[])[]): void;
  /** The writes for one sync, at most `budget` bytes of them, from those ready; none when none is. */
  nextBatch(budget: number): WriteOp[];
  /** True once some writes were handed out. */
  readonly started: boolean;
  /** With every row read: the writes not handed out yet, and the report. */
  finish(s: RateSnapshot): { readonly ops: WriteOp[]; readonly report: RateReport };
}

/** True when the rows still to come may add to the source or change its place (the checks are in startStream's comment). */
function unsettled(s: RateSnapshot, head: SourceHead, place: OutputPlace, knownBottom: number): boolean {
  const used = s.used as A1Box;
  const chosen = head.chosen;
  if (head.mapping.layout !== "wide" || head.trimmed || place.legacy) return true;
  // A current region that reaches the last row read may still grow down, and sideways too unless it
  // spans the used range's columns; one that ended above it is settled.
  const growing = head.region ? chosen.bottom >= knownBottom : chosen.bottom > knownBottom;
  if (!growing) return false;
  if (head.region && (chosen.left > used.left || chosen.right < used.right)) return true;
  if (head.kind !== "table" && knownBottom - chosen.top + 1 < HEADER_SCAN_ROWS) return true;
  // Beside the used range every cell is blank, so no row to come can hold a cell of the user's there.
  if (!head.record && place.firstColumn <= used.right) return true;
  // An earlier run's record further down could be this source's.
  return s.records.some((r) => r.sheet === head.sheet && r.table === null && head.kind !== "table" && r.sourceColumn === chosen.left && r.headerRow >= chosen.top && r.headerRow > knownBottom);
}

/** The parts of a head that decide the plan: the same in the head of the rows read and of every row. */
function key(h: SourceHead): string {
  return JSON.stringify([h.sheet, h.kind, h.name ?? null, h.box.top, h.box.left, h.box.right, h.headerRow, h.headers, h.inputWidth, h.mapping, h.record ?? null, h.settings.rules]);
}

/**
 * A stream of Rate RAG's writes from the rows read so far (`s.values`, with the used range known in
 * full), or null when the rows still to come could change them: then the plan waits for every row.
 * A source that cannot be rated gives null too, and its error comes from the plan on every row.
 */
export function startStream(s: RateSnapshot, options: PlanOptions = {}): RateStream | null {
  const used = s.used;
  if (!used || options.rate === false || (s.tableName !== null && s.tableBox === null)) return null;
  const knownBottom = used.top + s.values.length - 1;
  if (knownBottom >= used.bottom) return null;
  let head: SourceHead;
  let place: OutputPlace;
  try {
    head = sourceHead(s, options, knownBottom);
    place = planLead(head);
  } catch {
    return null;
  }
  if (unsettled(s, head, place, knownBottom)) return null;

  const { sheet, headerRow, box, chosen } = head;
  const firstColumn = place.firstColumn;
  // Hidden rows below the header, in the order given (rate-compute.ts ratingBuilder).
  const hidden = new Set<number>();
  for (const r of s.hiddenRows) if (r > headerRow) hidden.add(r - headerRow - 1);
  // Rate RAG writes the output rows and reports counts: the rated indicators themselves are not kept.
  const builder: RatingBuilder = ratingBuilder(head.mapping, { headerRow, firstColumn: box.left }, sheet, head.settings.rules, hidden, { keepRated: false });
  const rows: (readonly unknown[])[] = head.dataRows.slice();
  const outputs: OutputRow[] = [];
  let pending: WriteOp[] = [...place.lead];
  let sentLead = 0;
  let sentRows = 0;
  let started = false;
  let ended = head.region && chosen.bottom < knownBottom;

  const rate = () => {
    const from = outputs.length;
    outputs.push(...builder.add(rows));
    if (outputs.length > from) pending.push(outputCells(sheet, headerRow, firstColumn, outputs, from));
  };
  rate();

  return {
    get started() {
      return started;
    },
    read(values) {
      const last = used.top + values.length - 1;
      for (let r = headerRow + 1 + rows.length; r <= last && !ended; r++) {
        if (head.region) {
          // The region grows by each row with something in it, and ends at the first blank one.
          const row = values[r - used.top];
          if (row.every(isBlank)) {
            ended = true;
            break;
          }
        } else if (r > chosen.bottom) break;
        rows.push(inputRow(values, used, r, box.left, head.inputWidth));
      }
      rate();
    },
    nextBatch(budget) {
      if (pending.length === 0) return [];
      const [batch, ...rest] = syncBatches(pending, budget);
      pending = rest.flat();
      for (const op of batch) {
        if (place.lead.includes(op)) sentLead++;
        else if (op.op === "cells") sentRows += op.block.values.length;
      }
      started = true;
      return batch;
    },
    finish(all) {
      const full = sourceHead(all, options);
      if (key(full) !== key(head) || full.dataRows.length < rows.length) {
        // Never expected (startStream's checks rule it out): the plan on every row, written whole.
        return planRateRag(planSource(all, options), options);
      }
      const { hiddenDataRows: _hidden, chosen: _chosen, inputWidth: _width, region: _region, trimmed: _trimmed, ...source } = full;
      return planRateRag({ ...source, computed: builder.finish(full.dataRows) }, options, { lead: sentLead, rows: sentRows });
    },
  };
}
