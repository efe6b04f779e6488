/** Figures as a short table on the console: what each suite proved, in numbers. */

/** Prints a titled table with aligned columns (CJK characters count double). */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const cols = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat((cols[i] ?? 0) - width(c)))
      .join('  ')
      .trimEnd();
  const out = [title, line(header), cols.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)];
  console.log(out.join('\n'));
}

/** 12600 → "12,600". */
export const n = (x: number) => x.toLocaleString('en-US');
