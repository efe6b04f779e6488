/**
 * A supervision order (督办整改单) follows its problems: done when every problem on it is closed,
 * overdue when its deadline has passed with any still open, otherwise in progress.
 */
export type OrderStatus = 'in_progress' | 'overdue' | 'done';

export const ORDER_STATUS_LABELS: Record<OrderStatus, { zh: string; en: string }> = {
  in_progress: { zh: '整改中', en: 'In progress' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  done: { zh: '已办结', en: 'Done' },
};

export function orderStatus(o: { problems: number; closed: number; deadline: string }, today: string): OrderStatus {
  if (o.problems > 0 && o.closed >= o.problems) return 'done';
  return today > o.deadline ? 'overdue' : 'in_progress';
}

/** The order's number: 督办〔2020〕3号, counted per township and year. */
export function orderNumber(year: string, sequence: number): string {
  return `督办〔${year}〕${sequence}号`;
}
