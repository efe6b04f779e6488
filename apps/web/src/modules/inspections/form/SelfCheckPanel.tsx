import { inspectionBody } from '@fupin/domain';
import { Alert, Card, Empty, Flex, Radio, Select, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../ui/QueryError';
import { useProblemLabels } from '../../problems/labels';
import { type Checklist, type InspectionRow, useSites, useSubmitInspection } from '../api';
import { itemsOf } from '../checklists';
import { ChecklistAnswers } from './ChecklistAnswers';
import { SubmitBar, SubmitDone } from './SubmitBar';
import { useChecklistSubmit } from './use-checklist-submit';

interface Props {
  campaignId: string;
  villages: readonly { id: string; name: string }[];
  checklists: { items: Checklist[]; fallback: boolean } | undefined;
  inspections: readonly InspectionRow[];
}

function SiteForm({
  campaignId,
  villageId,
  site,
  items,
  fallback,
  onDone,
}: {
  campaignId: string;
  villageId: string;
  site: { id: string; name: string };
  items: ReturnType<typeof itemsOf>;
  fallback: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const send = useSubmitInspection();
  const form = useChecklistSubmit(items, (body) => send.mutateAsync(body));
  if (form.done)
    return (
      <SubmitDone
        result={form.done}
        problemsHref={`/problems?village=${villageId}&source=village_self_check`}
        onAgain={onDone}
        againText={t('inspections.again')}
      />
    );
  return (
    <Flex vertical gap={8} data-testid="self-check-form">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('inspections.checklist')}：{site.name}
      </Typography.Title>
      {fallback ? <Alert type="info" showIcon title={t('inspections.fallbackNote')} /> : null}
      <ChecklistAnswers items={items} answers={form.answers} onChange={form.setAnswers} highlight={form.highlight} />
      <SubmitBar
        {...form.counts}
        note={form.note}
        onNote={form.setNote}
        loading={form.sending}
        onSubmit={() =>
          void form.submit(inspectionBody, (results) => ({
            campaignId,
            kind: 'village_self',
            villageId,
            siteId: site.id,
            results,
          }))
        }
      />
    </Flex>
  );
}

/** 村级自查: the village's sites, each with its checklist; a failed item becomes a problem in the ledger. */
export function SelfCheckPanel({ campaignId, villages, checklists, inspections }: Props) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  const [chosenVillage, setVillage] = useState<string | null>(null);
  const villageId = chosenVillage ?? villages[0]?.id ?? null;
  const sites = useSites(villageId);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const counts = useMemo(() => {
    const n = new Map<string, number>();
    for (const i of inspections) if (i.kind === 'village_self' && i.siteId) n.set(i.siteId, (n.get(i.siteId) ?? 0) + 1);
    return n;
  }, [inspections]);
  const site = sites.data?.find((s) => s.id === siteId) ?? null;
  const kindLabel = (kind: string) => {
    const own = checklists?.items.find((c) => c.target === kind);
    return own ? (labels.lang === 'en' ? own.label.en : own.label.zh) : labels.siteKind(kind);
  };

  return (
    <Flex vertical gap={12}>
      {villages.length > 1 ? (
        <Select<string>
          showSearch={{ optionFilterProp: 'label' }}
          value={villageId ?? undefined}
          onChange={(v) => {
            setVillage(v);
            setSiteId(null);
          }}
          options={villages.map((v) => ({ value: v.id, label: v.name }))}
          aria-label={t('inspections.village')}
          style={{ maxWidth: 240 }}
          data-testid="self-village"
        />
      ) : null}
      <Card size="small" title={t('inspections.pickSite')} styles={{ body: { padding: 12 } }}>
        {sites.error ? <QueryError error={sites.error} onRetry={() => void sites.refetch()} /> : null}
        {sites.isPending ? <Spin /> : null}
        {sites.data?.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.noSites')} /> : null}
        <Radio.Group
          value={siteId}
          onChange={(e) => {
            setSiteId(e.target.value as string);
            setRound((r) => r + 1);
          }}
          style={{ width: '100%' }}
          data-testid="site-picker"
        >
          <Flex vertical gap={8}>
            {(sites.data ?? []).map((s) => (
              <Radio key={s.id} value={s.id} style={{ minHeight: 32 }}>
                <span>{s.name}</span> <Typography.Text type="secondary">{kindLabel(s.kind)}</Typography.Text>{' '}
                {counts.get(s.id) ? (
                  <Tag color="green">{t('inspections.inspected', { count: counts.get(s.id) })}</Tag>
                ) : (
                  <Tag>{t('inspections.notInspected')}</Tag>
                )}
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Card>
      {site && villageId ? (
        <SiteForm
          key={`${site.id}-${round}`}
          campaignId={campaignId}
          villageId={villageId}
          site={site}
          items={itemsOf(checklists?.items, site.kind)}
          fallback={checklists?.fallback ?? true}
          onDone={() => setSiteId(null)}
        />
      ) : null}
    </Flex>
  );
}
