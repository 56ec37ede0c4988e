/**
 * The Excel object model over the in-memory workbook, one file per Excel JavaScript API area
 * (https://learn.microsoft.com/javascript/api/excel). This module re-exports their public names.
 */
export { type RangeRef } from "./object-helpers";
export { Range, RangeAreas } from "./range";
export { RangeFormat, RangeBorder, RangeBorderCollection, RangeFill, RangeFont } from "./range-format";
export { ConditionalFormatCollection, ConditionalFormat, CfPart, ConditionalFormatRule, IconSetPart, ConditionalRangeFormat, ConditionalRangeFill, ConditionalRangeFont } from "./conditional-formats";
export { Worksheet, WorksheetFreezePanes, PageLayout, PageBreakCollection, WorksheetCollection } from "./worksheet";
export { TableCollection, Table, TableColumnCollection, TableColumn, TableRowCollection } from "./tables";
export { chartAnchor, seriesFromSource, ChartCollection, Chart, ChartTextPart, ChartLegend, ChartAxes, ChartAxis, ChartSeriesCollection, ChartSeries, ChartSeriesFormat, ChartFill, ChartLineFormat, ChartPointsCollection, ChartPoint } from "./charts";
export { SettingCollection, Setting, NamedItemCollection, NamedItem, Application, Workbook } from "./workbook";
