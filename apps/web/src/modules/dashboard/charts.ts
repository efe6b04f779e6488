/**
 * The dashboard's bar charts as ECharts options (pure, so they are tested without a canvas).
 * Each series' id is the state it counts: a click reports it, and the list is filtered by it.
 */
import type { ChartOption } from '../problems/meeting/EChart';

const FONT = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';

export const STATE_COLORS: Record<string, string> = {
  done: '#389e0d',
  late: '#d48806',
  due: '#1677ff',
  missing: '#cf1322',
  upcoming: '#bfbfbf',
  closed: '#389e0d',
  open: '#fa8c16',
  overdue: '#cf1322',
};

export interface BarSeries {
  /** the state it counts (done, missing, open, overdue …) */
  id: string;
  name: string;
  values: number[];
  /** series with the same stack add up in one bar */
  stack?: string;
  /** the state's colour unless given */
  color?: string;
}

/**
 * Bars per category (village, cadre, problem category, township). On a phone the bars lie down
 * (names down the side, one row each) so long lists stay readable at 390 px.
 */
export function barsOption(categories: string[], series: BarSeries[], horizontal: boolean): ChartOption {
  const category = {
    type: 'category',
    data: categories,
    axisLabel: { interval: 0, rotate: horizontal || categories.length <= 6 ? 0 : 30 },
    axisTick: { alignWithLabel: true },
  };
  const value = { type: 'value', minInterval: 1 };
  return {
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: series.map((s) => ({
      type: 'bar',
      id: s.id,
      name: s.name,
      data: s.values,
      stack: s.stack,
      barMaxWidth: 28,
      itemStyle: { color: s.color ?? STATE_COLORS[s.id] },
      emphasis: { focus: 'series' },
    })),
  };
}

/** A chart's height: a phone gives every row its own line. */
export function barsHeight(rows: number, horizontal: boolean): number {
  return horizontal ? Math.max(200, rows * 32 + 72) : 320;
}

/** Visit states from the base of a bar: what is overdue first, what has not begun last. */
export const VISIT_ORDER = ['missing', 'late', 'due', 'done', 'upcoming'] as const;

/** The series of visit states, stacked into one bar per row. */
export function visitSeries<T extends Record<(typeof VISIT_ORDER)[number], number>>(
  rows: readonly T[],
  label: (state: string) => string,
): BarSeries[] {
  return VISIT_ORDER.map((id) => ({ id, name: label(id), values: rows.map((r) => r[id]), stack: 'tasks' }));
}

/** Problems: closed and still open stacked (the bar is every problem), overdue beside them. */
export function problemSeries<T extends { open: number; overdue: number; closed: number }>(
  rows: readonly T[],
  label: (state: string) => string,
): BarSeries[] {
  return [
    { id: 'overdue', name: label('overdue'), values: rows.map((r) => r.overdue) },
    { id: 'open', name: label('open'), values: rows.map((r) => r.open), stack: 'all' },
    { id: 'closed', name: label('closed'), values: rows.map((r) => r.closed), stack: 'all' },
  ];
}
