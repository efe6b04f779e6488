/** Where an import stands, for the steps at the top of the import page, and how its errors read. */
import type { ImportError, ImportJob } from '../import-api';

export type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/** The current step (0 unit, 1 upload, 2 check, 3 done) and whether it failed. */
export function importStep(unitChosen: boolean, job: ImportJob | undefined): { current: number; status: StepStatus } {
  if (!job) return { current: unitChosen ? 1 : 0, status: 'process' };
  switch (job.status) {
    case 'reading':
    case 'committing':
      return { current: 2, status: 'process' };
    case 'invalid':
    case 'failed':
      return { current: 2, status: 'error' };
    case 'checked':
      return { current: 2, status: 'process' };
    case 'committed':
      return { current: 3, status: 'finish' };
  }
}

/**
 * The explanation of one error without the place the other columns already give: the server
 * writes “成员信息 第 3 行 C 列（身份证号）：身份证号校验码错误”; the 说明 column needs the part after
 * the place. A message in another shape is kept whole.
 */
export function errorText(e: ImportError): string {
  if (!e.message.startsWith(e.sheet)) return e.message;
  const zh = e.message.indexOf('：');
  const en = e.message.indexOf(': ');
  const cut = zh >= 0 && (en < 0 || zh < en) ? zh + 1 : en >= 0 ? en + 2 : -1;
  return cut > 0 && cut < e.message.length ? e.message.slice(cut).trim() : e.message;
}
