import type { NotificationLink } from '@fupin/domain';
import { describe, expect, it } from 'vitest';
import { notificationHref } from './link';

const ID = '0190a1b2-0000-7000-8000-000000000001';
const V = '0190a1b2-0000-7000-8000-000000000002';

const link = (target: NotificationLink['target'], id: string | null = null, query: Record<string, string> = {}) => ({
  target,
  id,
  query,
});

describe('where a notification opens', () => {
  it.each([
    [link('problem', ID), `/problems/${ID}`],
    [link('problem'), '/problems'],
    [link('order', ID), `/orders/${ID}`],
    [link('visit_tasks', null, { campaignId: ID }), '/visits'],
    [link('visit_summary', null, { campaignId: ID, villageId: V }), '/visits/summary'],
    [link('inspection_summary', null, { villageId: V }), '/inspections/summary'],
    [link('inspections'), '/inspections'],
    // the ledger keeps the filters it reads, under its own names
    [link('problems', null, { villageId: V, overdue: 'true' }), `/problems?village=${V}&overdue=1`],
    [link('problems', null, { overdue: 'false', campaignId: ID }), '/problems'],
    [null, null],
  ] as [NotificationLink | null, string | null][])('%o → %s', (l, href) => {
    expect(notificationHref(l)).toBe(href);
  });
});
