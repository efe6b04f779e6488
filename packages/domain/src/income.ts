/**
 * Income of a household (DOMAIN.md §2): four yearly items in yuan; per-capita net income is
 * their total divided by the current members (who died or moved out no longer count).
 */

export interface IncomeItems {
  wageIncome: number;
  businessIncome: number;
  propertyIncome: number;
  transferIncome: number;
}

/** Total net income: the sum of the four items, exact to the fen. */
export function totalIncome(i: IncomeItems): number {
  return Math.round((i.wageIncome + i.businessIncome + i.propertyIncome + i.transferIncome) * 100) / 100;
}

/** Per-capita net income, or null for a household with no current member. */
export function perCapitaIncome(i: IncomeItems, currentMembers: number): number | null {
  if (currentMembers <= 0) return null;
  return Math.round((totalIncome(i) / currentMembers) * 100) / 100;
}
