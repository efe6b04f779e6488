/** Months and money as the township writes them (pure: the tests and the pages share them). */

/** Photos a judge may put on one sheet (the server holds the same limit). */
export const PHOTOS_PER_SHEET = 6;

/** `2026-03` → 2026年3月 / March 2026. */
export function monthLabel(month: string, lang: 'zh-CN' | 'en'): string {
  const [y, m] = month.split('-');
  if (lang === 'en')
    return `${new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${y}`;
  return `${y}年${Number(m)}月`;
}

/** Yuan with two decimals and a sign, as the bulletin prints money: +5,000.00 / −3,000.00 / 0.00. */
export function yuanText(fen: number): string {
  const abs = (Math.abs(fen) / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return fen > 0 ? `+${abs}` : fen < 0 ? `−${abs}` : abs;
}

/** This month in Beijing time, `YYYY-MM` (the server's calendar). */
export function thisMonth(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(now);
}

/** This month, the eleven before it and the next, newest first (a round for a month missed can still be made). */
export function monthsAround(current: string): string[] {
  const [y, m] = current.split('-').map(Number) as [number, number];
  return Array.from({ length: 13 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 + 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}
