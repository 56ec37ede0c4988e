import * as React from "react";
import type { ChartData } from "./chart-data";

/** Office's default series colours, used when a series has none of its own. */
const PALETTE = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];
const PT_TO_PX = 4 / 3;

function colourOf(series: ChartData["series"][number], index: number, point?: number): string {
  const own = point !== undefined ? series.pointColours[point] : undefined;
  const c = own ?? series.colour ?? PALETTE[(point ?? index) % PALETTE.length];
  return c.startsWith("#") ? c : `#${c}`;
}

/** A short description for screen readers: each series with its values by category. */
function describe(data: ChartData): string {
  const parts = data.series.map((s) => `${s.name}: ${data.categories.map((c, i) => `${c} ${s.values[i] ?? "blank"}`).join(", ")}`);
  return `${data.title || "Chart"} (${data.type}). ${parts.join("; ")}`;
}

function Bars({ data, width, height, horizontal, stacked }: { data: ChartData; width: number; height: number; horizontal: boolean; stacked: boolean }): React.JSX.Element {
  const pad = { left: horizontal ? 150 : 40, right: 16, top: 8, bottom: horizontal ? 24 : 60 };
  const n = data.categories.length || 1;
  const totals = data.categories.map((_, i) => data.series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0));
  const max = Math.max(1, ...(stacked ? totals : data.series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const band = (horizontal ? plotH : plotW) / n;
  const per = stacked ? 1 : Math.max(1, data.series.length);
  const bars: React.JSX.Element[] = [];
  data.categories.forEach((cat, i) => {
    let offset = 0;
    data.series.forEach((s, j) => {
      const v = Math.max(0, s.values[i] ?? 0);
      const len = (v / max) * (horizontal ? plotW : plotH);
      const thick = (band * 0.7) / per;
      const across = i * band + band * 0.15 + (stacked ? 0 : j * thick);
      const key = `${i}-${j}`;
      if (horizontal) bars.push(<rect key={key} x={pad.left + offset} y={pad.top + across} width={len} height={thick} fill={colourOf(s, j)} />);
      else bars.push(<rect key={key} x={pad.left + across} y={pad.top + plotH - offset - len} width={thick} height={len} fill={colourOf(s, j)} />);
      if (stacked) offset += len;
    });
    const label = cat.length > 22 ? `${cat.slice(0, 21)}…` : cat;
    bars.push(
      horizontal ? (
        <text key={`l${i}`} x={pad.left - 4} y={pad.top + i * band + band / 2 + 4} textAnchor="end" fontSize="11">{label}</text>
      ) : (
        <text key={`l${i}`} x={pad.left + i * band + band / 2} y={pad.top + plotH + 14} textAnchor="middle" fontSize="11">{label}</text>
      ),
    );
  });
  return (
    <>
      <line x1={pad.left} y1={pad.top} x2={pad.left} y2={pad.top + plotH} stroke="#808080" />
      <line x1={pad.left} y1={pad.top + plotH} x2={pad.left + plotW} y2={pad.top + plotH} stroke="#808080" />
      {bars}
    </>
  );
}

function Lines({ data, width, height, markers }: { data: ChartData; width: number; height: number; markers: boolean }): React.JSX.Element {
  const pad = { left: 48, right: 16, top: 8, bottom: 40 };
  const values = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  // The value axis spans the data with a margin (Excel's automatic axis need not start at zero for lines).
  const lo = Math.min(...values, Infinity), hi = Math.max(...values, -Infinity);
  const margin = Number.isFinite(lo) ? (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1 : 1;
  const min = Number.isFinite(lo) ? lo - margin : 0, max = Number.isFinite(hi) ? hi + margin : 1;
  const plotW = width - pad.left - pad.right, plotH = height - pad.top - pad.bottom;
  const n = Math.max(1, data.categories.length - 1);
  const x = (i: number) => pad.left + (i / n) * plotW;
  const y = (v: number) => pad.top + plotH - ((v - min) / (max - min || 1)) * plotH;
  const label = (v: number) => String(Number(v.toPrecision(3)));
  return (
    <>
      <line x1={pad.left} y1={pad.top} x2={pad.left} y2={pad.top + plotH} stroke="#808080" />
      <line x1={pad.left} y1={pad.top + plotH} x2={pad.left + plotW} y2={pad.top + plotH} stroke="#808080" />
      <text x={pad.left - 4} y={pad.top + 10} textAnchor="end" fontSize="11">{label(max)}</text>
      <text x={pad.left - 4} y={pad.top + plotH} textAnchor="end" fontSize="11">{label(min)}</text>
      {data.series.map((s, j) => (
        <g key={j}>
          <polyline fill="none" stroke={colourOf(s, j)} strokeWidth={2}
            points={s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean).join(" ")} />
          {markers && s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3.5} fill={s.pointColours[i] ? colourOf(s, j, i) : colourOf(s, j)} />))}
        </g>
      ))}
      {data.categories.map((c, i) => (
        <text key={i} x={x(i)} y={pad.top + plotH + 14} textAnchor="middle" fontSize="11">{c}</text>
      ))}
    </>
  );
}

function Doughnut({ data, width, height, hole }: { data: ChartData; width: number; height: number; hole: boolean }): React.JSX.Element {
  const s = data.series[0];
  const values = s ? s.values.map((v) => Math.max(0, v ?? 0)) : [];
  const total = values.reduce((a, b) => a + b, 0) || 1;
  const cx = Math.min(width, height) / 2, cy = height / 2, r = Math.min(width, height) / 2 - 8, inner = hole ? r * 0.5 : 0;
  // Each slice starts where the slices before it end, from twelve o'clock.
  const starts = values.map((_, i) => -Math.PI / 2 + (values.slice(0, i).reduce((a, b) => a + b, 0) / total) * Math.PI * 2);
  const slices = values.map((v, i) => {
    const sweep = (v / total) * Math.PI * 2;
    const a0 = starts[i], a1 = a0 + Math.min(sweep, Math.PI * 2 - 1e-6);
    if (v === 0 || !s) return null;
    const large = sweep > Math.PI ? 1 : 0;
    const p = (rad: number, a: number) => `${cx + rad * Math.cos(a)},${cy + rad * Math.sin(a)}`;
    const d = `M${p(r, a0)} A${r},${r} 0 ${large} 1 ${p(r, a1)} L${p(inner, a1)} A${inner},${inner} 0 ${large} 0 ${p(inner, a0)} Z`;
    return <path key={i} d={d} fill={colourOf(s, 0, i)} stroke="#FFFFFF" />;
  });
  return (
    <>
      {slices}
      {data.categories.map((c, i) => (
        <text key={i} x={cx * 2 + 12} y={24 + i * 16} fontSize="11">
          <tspan fill={s ? colourOf(s, 0, i) : "#000"}>■</tspan> {c}: {values[i] ?? 0}
        </text>
      ))}
    </>
  );
}

/** A chart of the workbook, drawn simply: bars, columns, lines or a doughnut, with its title. */
export function ChartView({ data }: { data: ChartData }): React.JSX.Element {
  const width = Math.min(720, Math.max(320, data.width * PT_TO_PX));
  const height = Math.min(480, Math.max(200, data.height * PT_TO_PX));
  const t = data.type;
  let body: React.JSX.Element;
  if (t.startsWith("Bar")) body = <Bars data={data} width={width} height={height} horizontal stacked={t.includes("Stacked")} />;
  else if (t.startsWith("Column")) body = <Bars data={data} width={width} height={height} horizontal={false} stacked={t.includes("Stacked")} />;
  else if (t.startsWith("Line")) body = <Lines data={data} width={width} height={height} markers={t === "LineMarkers"} />;
  else body = <Doughnut data={data} width={width} height={height} hole={t === "Doughnut"} />;
  return (
    <figure className="wb-chart">
      <figcaption>{data.title || "Untitled chart"}</figcaption>
      <svg width={width} height={height} role="img" aria-label={describe(data)}>
        {body}
      </svg>
      {data.legend && data.series.length > 1 && (
        <ul className="wb-legend" aria-hidden="true">
          {data.series.map((s, j) => (
            <li key={j}><span style={{ background: colourOf(s, j) }} />{s.name}</li>
          ))}
        </ul>
      )}
    </figure>
  );
}
