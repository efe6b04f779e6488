import { LAPSE_KINDS } from '@fupin/domain';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { barsHeight, barsOption } from '../dashboard/charts';
import { barTarget } from '../dashboard/drill';
import { type ChartOption, EChart } from '../problems/meeting/EChart';
import type { UnitRow } from './api';
import { type LapseFilters, lapsesHref } from './filters';
import { KIND_COLORS, useAccountabilityLabels } from './labels';

/** Each village's lapses stacked by kind; a bar opens that village's lapses of that kind. */
export function UnitChart({
  rows,
  frame,
  mobile,
}: {
  rows: UnitRow[];
  frame: Pick<LapseFilters, 'unit' | 'campaign'>;
  mobile: boolean;
}) {
  const labels = useAccountabilityLabels();
  const navigate = useNavigate();
  const villages = useMemo(() => rows.filter((r) => r.kind === 'village'), [rows]);
  const option = useMemo<ChartOption>(
    () =>
      barsOption(
        villages.map((r) => r.unitName),
        LAPSE_KINDS.map((k) => ({
          id: k,
          name: labels.kind(k),
          values: villages.map((r) => r.byKind[k]),
          stack: 'all',
          color: KIND_COLORS[k],
        })),
        mobile,
      ),
    [villages, labels, mobile],
  );
  return (
    <EChart
      option={option}
      style={{ height: barsHeight(villages.length, mobile) }}
      testId="chart-lapse-units"
      onClick={(click) => {
        const hit = barTarget(villages, click, LAPSE_KINDS);
        if (hit) void navigate(lapsesHref({ ...frame, village: hit.id.unitId, kind: hit.state }));
      }}
    />
  );
}
