/**
 * ECharts with only what the meeting draws (bars and a heatmap on canvas): this file is reached
 * only from the lazily loaded meeting page, so the login bundle carries none of it.
 */
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

echarts.use([BarChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** What a click on a bar or a cell reports: the series (its id, else its name) and the data index. */
export interface ChartClick {
  seriesId?: string;
  seriesName?: string;
  dataIndex: number;
  name?: string;
}

/**
 * One chart that follows its box's width (rotations, the menu folding) and its option.
 * onClick (optional) receives clicks on data items: the dashboards drill down from a bar to its list.
 */
export function EChart({
  option,
  style,
  testId,
  onClick,
}: {
  option: ChartOption;
  style?: CSSProperties;
  testId?: string;
  onClick?: (click: ChartClick) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The latest handler, read at click time, so a new closure does not re-create the chart.
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => {
      const e = p as { seriesId?: string; seriesName?: string; dataIndex: number; name?: string };
      clickRef.current?.({ seriesId: e.seriesId, seriesName: e.seriesName, dataIndex: e.dataIndex, name: e.name });
    });
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
