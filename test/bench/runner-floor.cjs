/*
 * The runner's floor (test/bench/runner.ts): ExcelJS's streaming reader and writer alone read an
 * indicator workbook and write it back with 10 filled columns (the shape of Rate RAG's outputs:
 * Status, Gap, Gap %, Progress, Direction, Recent trend, Variation, Assurance, Reason, Rated at), no rating, no checks. Run as a child
 * process, `node test/bench/runner-floor.cjs in.xlsx out.xlsx`, so its wall time and peak memory are
 * measured the way the runner's are. Prints the rows it wrote to stdout.
 */
const ExcelJS = require("exceljs");

async function main(input, output) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: "cache", styles: "cache", worksheets: "emit", hyperlinks: "ignore" });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useSharedStrings: false, useStyles: true });
  const stamp = new Date().toISOString();
  let rows = 0;
  for await (const sheet of reader) {
    const out = writer.addWorksheet(sheet.name ?? `Sheet${rows}`);
    for await (const row of sheet) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      if (row.number === 1) values.push("Status", "Gap", "Gap %", "Progress", "Direction", "Recent trend", "Variation", "Assurance", "Reason", "Rated at");
      else {
        const target = Number(values[5]);
        const actual = Number(values[7]);
        const gap = actual - target;
        values.push(gap >= 0 ? "Green" : "Amber", gap, gap / target, 0.5, "Improving", "No significant change", "Common cause", "Hit and miss", `Actual ${actual} is ${gap} (${(100 * gap / target).toFixed(1)}%) from target ${target}.`, stamp);
      }
      out.addRow(values).commit();
      rows++;
    }
    out.commit();
  }
  await writer.commit();
  process.stdout.write(`${rows}\n`);
}

main(process.argv[2], process.argv[3]).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
