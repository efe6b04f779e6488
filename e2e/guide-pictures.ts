/**
 * The pictures of the user guide (docs/用户手册.md): which journey screenshots they are (a few
 * are the README's too). After the browser journeys run, each listed picture that this run took is copied
 * from e2e/screenshots/ to docs/screenshots/, so the guide shows the app as it is today.
 * A picture a run did not take (its journey skipped or failed) keeps its last good copy.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const GUIDE_PICTURES = [
  // signing in, the menu on a phone
  '01-login',
  '13-mobile-menu',
  // 镇扶贫办 the township office
  '150-dashboard',
  '151-drill-chart',
  '152-drill-visits',
  '153-drill-summaries',
  '94-overview',
  '42-import-committed',
  '67-activated',
  '101-ledger',
  '103-meeting',
  '104-issue-order',
  '122-round-samples',
  '133-bulletin',
  '04-users',
  '06-audit',
  // 镇领导 town leaders, 行业分管领导 sector leaders
  '105-order-print',
  '108-problem-closed',
  '112-mobile-ledger',
  '113-mobile-problem',
  // 村两委 village staff
  '156-mobile-village-dashboard',
  '114-mobile-self-check',
  '91-review-conflict',
  '93-summary-submitted',
  '124-mobile-nominate',
  // 帮扶干部 assistance cadres
  '83-form-calc',
  '88-visits-offline-reloaded',
  '157-notifications',
  '158-mobile-notifications',
  // 评分员 judges
  '128-mobile-tasks',
  '130-mobile-sheet',
  // 县工作组 county reviewers
  '159-county',
  '109-crosscheck',
  // 镇纪委 the discipline commission
  '140-accountability',
  '141-lapses-person',
  '143-lapses-rectify',
  '144-problem-evidence',
  '146-mobile-lapses',
] as const;

const SHOTS = resolve(import.meta.dirname, 'screenshots');
const DOCS = resolve(import.meta.dirname, '..', 'docs', 'screenshots');

/** Copies the guide's pictures taken since `since` (ms) to docs/screenshots; returns how many. */
export function copyGuidePictures(since: number): number {
  mkdirSync(DOCS, { recursive: true });
  let copied = 0;
  for (const name of GUIDE_PICTURES) {
    const from = join(SHOTS, `${name}.png`);
    if (!existsSync(from) || statSync(from).mtimeMs < since) continue;
    copyFileSync(from, join(DOCS, `${name}.png`));
    copied++;
  }
  return copied;
}
