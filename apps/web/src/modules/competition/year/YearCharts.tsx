/**
 * The year's charts: the latest ranking as bars and each village's monthly totals as lines. Only
 * the parts of ECharts drawn here are imported, and only the lazily loaded year page reaches this
 * file, so the login bundle carries none of it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompetitionLabels } from '../labels';
import type { Year } from '../work-api';
import { barsFloor, latestRanking } from './ranking';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = echarts.EChartsCoreOption;
const FONT = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';

function Chart({ option, style, testId }: { option: Option; style?: CSSProperties; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={box} style={{ width: '100%', ...style }} data-testid={testId} />;
}

export function RankingBars({ y, mobile }: { y: Year; mobile: boolean }) {
  const latest = useMemo(() => latestRanking(y), [y]);
  const option = useMemo<Option>(() => {
    const rows = latest?.rows ?? [];
    return {
      textStyle: { fontFamily: FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: (v: { min: number }) => barsFloor(v.min), max: 100 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => `${r.rank}. ${r.name}`), axisLabel: { interval: 0 } },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.total),
          itemStyle: { color: '#1677ff' },
          label: { show: true, position: 'right', formatter: (p: { value: number }) => p.value.toFixed(2) },
        },
      ],
    };
  }, [latest]);
  return (
    <Chart
      option={option}
      style={{ height: Math.max(240, (latest?.rows.length ?? 0) * (mobile ? 28 : 30) + 40) }}
      testId="chart-ranking"
    />
  );
}

export function TrendLines({ y, mobile }: { y: Year; mobile: boolean }) {
  const { t } = useTranslation();
  const labels = useCompetitionLabels();
  const option = useMemo<Option>(
    () => ({
      textStyle: { fontFamily: FONT },
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: y.months.map((m) =>
          labels.lang === 'en' ? m.month : t('competition.yearPage.monthCol', { month: Number(m.month.slice(5)) }),
        ),
        axisLabel: { rotate: mobile ? 30 : 0 },
      },
      yAxis: { type: 'value', scale: true, max: 100 },
      series: y.villages.map((v) => ({
        type: 'line',
        name: v.villageName,
        data: v.monthly.map((m) => m.total),
        connectNulls: true,
        symbolSize: 6,
      })),
    }),
    [y, mobile, labels.lang, t],
  );
  return <Chart option={option} style={{ height: mobile ? 320 : 380 }} testId="chart-trend" />;
}
