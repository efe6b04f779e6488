import { ArrowLeftOutlined } from '@ant-design/icons';
import { LAPSE_DUTIES, LAPSE_KINDS, LAPSE_STATES } from '@fupin/domain';
import { Button, Card, Flex, Select, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAccountability, useLapses } from '../modules/accountability/api';
import { ExportButton } from '../modules/accountability/ExportButton';
import {
  activeLapseFilters,
  type LapseFilterKey,
  type LapseFilters,
  lapseQuery,
  readLapseState,
  writeLapseState,
} from '../modules/accountability/filters';
import { LapseList } from '../modules/accountability/LapseList';
import { useAccountabilityLabels } from '../modules/accountability/labels';
import { DrillTags } from '../modules/dashboard/lists/DrillTags';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

/** /accountability/lapses 责任明细: the lapses behind a figure, filters as removable tags, the same filters exported. */
export function AccountabilityLapsesPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const labels = useAccountabilityLabels();
  const [params, setParams] = useSearchParams();
  const { filters, page, pageSize } = readLapseState(params);
  const base = lapseQuery(filters);
  const list = useLapses(base ? { ...base, limit: pageSize, offset: (page - 1) * pageSize } : null);
  // Names of the village and the person for the tags: the summary the list came from is cached.
  const summary = useAccountability(filters.unit, filters.campaign);
  const a = summary.data;
  const go = useCallback(
    (next: LapseFilters, nextPage = 1, size = pageSize) =>
      setParams(writeLapseState({ filters: next, page: nextPage, pageSize: size }), { replace: true }),
    [setParams, pageSize],
  );

  const label = (key: LapseFilterKey, value: string): string => {
    if (key === 'village' && value === 'none') return t('accountability.lapses.townshipOwn');
    if (key === 'village')
      return t('dashboard.list.village', { name: a?.units.find((u) => u.unitId === value)?.unitName ?? '…' });
    if (key === 'user')
      return t('accountability.lapses.person', { name: a?.people.find((p) => p.userId === value)?.name ?? '…' });
    if (key === 'sending')
      return t('accountability.sending.tag', {
        name: value === 'none' ? t('accountability.sending.none') : value,
      });
    if (key === 'kind') return t('accountability.lapses.kindTag', { name: labels.kind(value) });
    if (key === 'duty') return t('accountability.lapses.dutyTag', { name: labels.duty(value) });
    return t('dashboard.list.state', { name: labels.state(value) });
  };
  const pick = (key: 'kind' | 'duty' | 'state', codes: readonly string[], name: (c: string) => string, width: number) => (
    <Select
      allowClear
      value={filters[key]}
      placeholder={t(`accountability.lapses.${key}Pick`)}
      onChange={(v: string | undefined) => go({ ...filters, [key]: v ?? null })}
      options={codes.map((c) => ({ value: c, label: name(c) }))}
      // two to a row on a phone, the long duty names on their own
      style={{ width: mobile ? (key === 'duty' ? '100%' : 'calc(50% - 4px)') : width }}
      data-testid={`pick-${key}`}
    />
  );
  const back = new URLSearchParams();
  if (filters.unit) back.set('unit', filters.unit);
  if (filters.campaign) back.set('campaign', filters.campaign);

  return (
    <div data-testid="lapses-page">
      <PageHeader
        title={a ? `${t('accountability.lapses.title')} · ${a.unit.name}` : t('accountability.lapses.title')}
        extra={
          <>
            <Link to={`/accountability?${back.toString()}`}>
              <Button icon={<ArrowLeftOutlined />}>{t('accountability.back')}</Button>
            </Link>
            <ExportButton filters={filters} />
          </>
        }
      />
      {a?.campaign ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {a.campaign.name} · {t('dashboard.today', { date: a.today })}
        </Typography.Paragraph>
      ) : null}
      <Card styles={{ body: { padding: mobile ? 12 : 16 } }}>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          {pick('kind', LAPSE_KINDS, labels.kind, 120)}
          {pick('state', LAPSE_STATES, labels.state, 140)}
          {pick('duty', LAPSE_DUTIES, labels.duty, 220)}
        </Flex>
        <DrillTags
          tags={activeLapseFilters(filters).map(({ key, value }) => ({ key, label: label(key, value) }))}
          onRemove={(key) => go({ ...filters, [key]: null })}
          onClear={() => go({ ...filters, kind: null, duty: null, state: null, village: null, user: null, sending: null })}
        />
        {list.error ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <LapseList
            items={list.data?.items ?? []}
            mobile={mobile}
            paging={{
              page,
              pageSize,
              total: list.data?.total ?? 0,
              loading: list.isFetching,
              onPage: (p, size) => go(filters, size === pageSize ? p : 1, size),
            }}
          />
        )}
      </Card>
    </div>
  );
}
