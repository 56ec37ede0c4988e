/** @jest-environment jsdom */
import * as React from "react";
import { render } from "@testing-library/react";
import { ChartView } from "../../src/workbench/ChartView";
import type { ChartData } from "../../src/workbench/chart-data";

// The workbench draws a chart simply in SVG from the chart model's numbers; the numbers here are
// made-up chart data (not results), chosen so each bar, slice and line point can be counted.
const base: ChartData = {
  title: "Indicators by status",
  type: "Doughnut",
  categories: ["Green", "Amber", "Red"],
  series: [{ name: "Indicators", values: [12, 7, 3], colour: undefined, pointColours: ["2E8B57", "FFC000", "B22222"] }],
  width: 360,
  height: 216,
  legend: true,
};

describe("the workbench's chart drawing", () => {
  it("draws a doughnut slice per category in the point colours, and names the data for screen readers", () => {
    const { container } = render(<ChartView data={base} />);
    const paths = [...container.querySelectorAll("path")];
    expect(paths.map((p) => p.getAttribute("fill"))).toEqual(["#2E8B57", "#FFC000", "#B22222"]);
    expect(container.querySelector("svg")?.getAttribute("aria-label")).toContain("Indicators: Green 12, Amber 7, Red 3");
  });

  it("draws stacked bars one rectangle per series and category, longer for larger values", () => {
    const data: ChartData = {
      ...base,
      type: "BarStacked",
      categories: ["Outcomes", "Process"],
      series: [
        { name: "Green", values: [4, 1], colour: "2E8B57", pointColours: [] },
        { name: "Red", values: [2, 2], colour: "B22222", pointColours: [] },
      ],
    };
    const { container } = render(<ChartView data={data} />);
    const rects = [...container.querySelectorAll("rect")];
    expect(rects).toHaveLength(4);
    const widths = rects.map((r) => Number(r.getAttribute("width")));
    // Outcomes: Green 4 is twice Red 2; Process: Green 1 is half Red 2.
    expect(widths[0]).toBeCloseTo(2 * widths[1]);
    expect(widths[3]).toBeCloseTo(2 * widths[2]);
  });

  it("draws a line per series with a point per non-blank value", () => {
    const data: ChartData = { ...base, type: "Line", categories: ["2007/08", "2008/09", "2009/10"], series: [{ name: "Rate", values: [5, null, 7], pointColours: [] }] };
    const { container } = render(<ChartView data={data} />);
    expect(container.querySelector("polyline")?.getAttribute("points")?.split(" ")).toHaveLength(2);
  });

  it("marks each point of a line with markers, higher values higher up", () => {
    const data: ChartData = { ...base, type: "LineMarkers", categories: ["2007/08", "2008/09", "2009/10"], series: [{ name: "Actual", values: [19.9, null, 19.1], pointColours: [] }] };
    const { container } = render(<ChartView data={data} />);
    const ys = [...container.querySelectorAll("circle")].map((c) => Number(c.getAttribute("cy")));
    expect(ys).toHaveLength(2);
    expect(ys[0]).toBeLessThan(ys[1]);
  });
});
