/**
 * Where a notification opens. The server names the object (a problem, an order, a summary …);
 * the web maps each to its page, keeping only query keys the page reads. Pure, so it is tested.
 */
import type { NotificationLink } from '@fupin/domain';

/** The ledger's address keys for the server's filter names (the ledger reads `village`, `overdue=1` …). */
const LEDGER_KEYS: Record<string, string> = {
  villageId: 'village',
  village: 'village',
  category: 'category',
  status: 'status',
  source: 'source',
  level: 'level',
  orderId: 'order',
  overdue: 'overdue',
};

function ledgerQuery(query: Record<string, string>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    const key = LEDGER_KEYS[k];
    if (!key || !v) continue;
    out.set(key, key === 'overdue' ? (v === 'true' || v === '1' ? '1' : '') : v);
    if (!out.get(key)) out.delete(key);
  }
  const qs = out.toString();
  return qs ? `?${qs}` : '';
}

/** The page a notification opens, or null when it names nothing to open. */
export function notificationHref(link: NotificationLink | null): string | null {
  if (!link) return null;
  switch (link.target) {
    case 'problem':
      return link.id ? `/problems/${link.id}` : '/problems';
    case 'problems':
      return `/problems${ledgerQuery(link.query)}`;
    case 'order':
      return link.id ? `/orders/${link.id}` : '/orders';
    case 'visit_tasks':
      return '/visits';
    case 'visit_summary':
      return '/visits/summary';
    case 'inspection_summary':
      return '/inspections/summary';
    case 'inspections':
      return '/inspections';
    default:
      return null;
  }
}
