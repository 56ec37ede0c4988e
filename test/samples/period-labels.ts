/**
 * Period labels as docs/methods.md#polarity writes them, for checking the samples' headers. Only the
 * forms the samples use are recognised: financial year "2008/09" (the two years consecutive) and a
 * quarter of one, "Q1 2010/11".
 */
const FINANCIAL_YEAR = /^(\d{4})\/(\d{2})$/;
const QUARTER = /^Q([1-4]) (\d{4})\/(\d{2})$/;

function consecutive(start: string, end: string): boolean {
  return (Number(start) + 1) % 100 === Number(end);
}

/** The end date (ISO) of a financial year or quarter label, or undefined if it is neither. */
export function periodEnd(label: string): string | undefined {
  const fy = FINANCIAL_YEAR.exec(label);
  if (fy) return consecutive(fy[1], fy[2]) ? `${Number(fy[1]) + 1}-03-31` : undefined;
  const q = QUARTER.exec(label);
  if (q && consecutive(q[2], q[3])) {
    const start = Number(q[2]);
    return [`${start}-06-30`, `${start}-09-30`, `${start}-12-31`, `${start + 1}-03-31`][Number(q[1]) - 1];
  }
  return undefined;
}
