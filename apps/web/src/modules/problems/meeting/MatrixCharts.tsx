import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Matrix } from '../api';
import { useProblemLabels } from '../labels';
import { type ChartOption, EChart } from './EChart';
import { type MatrixRow, usedCategories } from './matrix';

const FONT = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';

/** 各村问题分布: closed and open stacked per village, overdue beside them; horizontal on a phone. */
export function VillageBars({ rows, mobile }: { rows: MatrixRow[]; mobile: boolean }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const names = rows.map((r) => r.name);
    const category = { type: 'category', data: names, axisLabel: { interval: 0, rotate: mobile ? 0 : 30 } };
    const value = { type: 'value', minInterval: 1 };
    const bar = (name: string, data: number[], color: string, stack?: string) => ({
      type: 'bar',
      name,
      data,
      stack,
      itemStyle: { color },
    });
    return {
      textStyle: { fontFamily: FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: mobile ? value : category,
      yAxis: mobile ? { ...category, inverse: true } : value,
      series: [
        bar(
          t('problems.meeting.closed'),
          rows.map((r) => r.closed),
          '#389e0d',
          'all',
        ),
        bar(
          t('problems.meeting.open'),
          rows.map((r) => r.open),
          '#fa8c16',
          'all',
        ),
        bar(
          t('problems.meeting.overdue'),
          rows.map((r) => r.overdue),
          '#cf1322',
        ),
      ],
    };
  }, [rows, mobile, t]);
  return (
    <EChart option={option} style={{ height: mobile ? Math.max(240, rows.length * 34 + 60) : 340 }} testId="chart-villages" />
  );
}

/** 村 × 问题类别: how many problems of each category each village has. */
export function CategoryHeatmap({ m, rows, mobile }: { m: Matrix; rows: MatrixRow[]; mobile: boolean }) {
  const labels = useProblemLabels();
  const option = useMemo<ChartOption>(() => {
    const cats = usedCategories(m);
    const data = rows.flatMap((r, y) => cats.map((c, x) => [x, y, r.byCategory[c] ?? 0]));
    const max = Math.max(1, ...data.map((d) => d[2] ?? 0));
    return {
      textStyle: { fontFamily: FONT },
      tooltip: { position: 'top' },
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      xAxis: {
        type: 'category',
        data: cats.map((c) => labels.category(c)),
        splitArea: { show: true },
        axisLabel: { interval: 0, rotate: mobile ? 45 : 0 },
      },
      yAxis: { type: 'category', data: rows.map((r) => r.name), splitArea: { show: true }, inverse: true },
      visualMap: {
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: mobile ? 120 : 200,
        inRange: { color: ['#fff7e6', '#fa8c16', '#a8071a'] },
      },
      series: [{ type: 'heatmap', data, label: { show: true }, emphasis: { itemStyle: { shadowBlur: 6 } } }],
    };
  }, [m, rows, mobile, labels]);
  return <EChart option={option} style={{ height: Math.max(260, rows.length * 30 + 110) }} testId="chart-heatmap" />;
}
