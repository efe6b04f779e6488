import { describe, expect, it } from 'vitest';
import { orderNumber, orderStatus } from './orders';

describe('orderStatus', () => {
  it.each([
    // problems, closed, deadline, today, status
    [3, 3, '2020-03-25', '2020-03-30', 'done'],
    [3, 2, '2020-03-25', '2020-03-25', 'in_progress'],
    [3, 2, '2020-03-25', '2020-03-26', 'overdue'],
    [1, 0, '2020-03-25', '2020-03-24', 'in_progress'],
    [0, 0, '2020-03-25', '2020-03-26', 'overdue'],
    [2, 2, '2020-03-25', '2020-03-20', 'done'],
  ] as const)('%i problems, %i closed, deadline %s, on %s → %s', (problems, closed, deadline, today, status) => {
    expect(orderStatus({ problems, closed, deadline }, today)).toBe(status);
  });
});

describe('orderNumber', () => {
  it('numbers by year and sequence', () => {
    expect(orderNumber('2020', 1)).toBe('督办〔2020〕1号');
    expect(orderNumber('2021', 12)).toBe('督办〔2021〕12号');
  });
});
