import { inspectionBody, reachOf, SECTORS_INSPECTED } from '@fupin/domain';
import type { Me } from '@fupin/domain/schemas/users';
import { Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemLabels } from '../../problems/labels';
import { type Checklist, useSubmitInspection } from '../api';
import { itemsOf } from '../checklists';
import { ChecklistAnswers } from './ChecklistAnswers';
import { SubmitBar, SubmitDone } from './SubmitBar';
import { useChecklistSubmit } from './use-checklist-submit';

/** The sectors a person sweeps: a sector leader's own; everyone when a role to inspect names none. */
export function sweepSectors(me: Me | undefined): string[] {
  const roles = (me?.user.roles ?? []).filter(
    (r) => (r.unitKind === 'township' || r.unitKind === 'county') && reachOf(r.role, 'inspection.submit') !== undefined,
  );
  if (roles.some((r) => !r.sector)) return Object.keys(SECTORS_INSPECTED);
  return [...new Set(roles.map((r) => r.sector as string))];
}

function SweepForm({
  campaignId,
  sector,
  items,
  villages,
}: {
  campaignId: string;
  sector: string;
  items: ReturnType<typeof itemsOf>;
  villages: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const send = useSubmitInspection();
  const form = useChecklistSubmit(items, (body) => send.mutateAsync(body));
  if (form.done)
    return (
      <SubmitDone
        result={form.done}
        problemsHref={`/problems?source=sector_inspection&category=${sector}`}
        onAgain={form.reset}
        againText={t('inspections.againSweep')}
      />
    );
  return (
    <Flex vertical gap={8} data-testid="sector-form">
      <ChecklistAnswers
        items={items}
        answers={form.answers}
        onChange={form.setAnswers}
        villages={villages}
        highlight={form.highlight}
      />
      <SubmitBar
        {...form.counts}
        note={form.note}
        onNote={form.setNote}
        loading={form.sending}
        onSubmit={() => void form.submit(inspectionBody, (results) => ({ campaignId, kind: 'sector', sector, results }))}
      />
    </Flex>
  );
}

/** 行业排查: a sector leader checks their sector across the township; failures become township problems. */
export function SectorSweepPanel({
  campaignId,
  me,
  checklists,
  villages,
}: {
  campaignId: string;
  me: Me | undefined;
  checklists: Checklist[] | undefined;
  villages: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  const sectors = sweepSectors(me);
  const [chosen, setChosen] = useState<string | null>(null);
  const sector = chosen ?? sectors[0] ?? null;
  if (!sector) return null;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('inspections.sectorPick')}</Typography.Text>
        {sectors.length > 1 ? (
          <Segmented<string>
            value={sector}
            onChange={setChosen}
            options={sectors.map((s) => ({ value: s, label: labels.sector(s) }))}
            data-testid="sector-pick"
          />
        ) : (
          <Typography.Text strong>{labels.sector(sector)}</Typography.Text>
        )}
      </Flex>
      <SweepForm key={sector} campaignId={campaignId} sector={sector} items={itemsOf(checklists, sector)} villages={villages} />
    </Flex>
  );
}
