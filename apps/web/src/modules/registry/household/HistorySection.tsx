import { Collapse, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDynamicLabel } from '../../../i18n';
import { formatDateTimeSeconds } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import type { AuditEntry } from '../../audit/api';
import { actionColor } from '../../audit/labels';
import { type TagOption, useHouseholdHistory } from '../api';
import { cadreNames, householdChanges, pairingOf } from '../history-diff';
import { HistoryDiff } from './HistoryDiff';

const PAIRING = new Set(['pair', 'unpair']);

function colorOf(action: string): string {
  if (action === 'pair' || action === 'import_create') return 'green';
  if (action === 'unpair') return 'orange';
  if (action === 'import_update') return 'blue';
  return actionColor(action);
}

/** 变更记录: every change of the household, newest first; each opens to show what changed. */
export function HistorySection({ householdId, tags }: { householdId: string; tags: readonly TagOption[] }) {
  const { t } = useTranslation();
  const label = useDynamicLabel();
  const history = useHouseholdHistory(householdId);
  const entries = history.data ?? [];
  const names = useMemo(() => cadreNames(entries), [entries]);
  if (history.error) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.isPending) return <Spin />;
  if (entries.length === 0) return <Empty description={t('registry.history.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;

  const summary = (e: AuditEntry) => {
    if (PAIRING.has(e.action)) {
      const p = pairingOf(e, names);
      const name = p.cadreName ?? t('common.none');
      return e.action === 'pair'
        ? t('registry.history.pairText', { name, since: p.since ?? t('common.none') })
        : t('registry.history.unpairText', { name });
    }
    return t('registry.history.changes', { count: householdChanges(e.before, e.after).length });
  };

  return (
    <div data-testid="history">
      <Collapse
        size="small"
        items={entries.map((e) => ({
          key: e.id,
          collapsible: PAIRING.has(e.action) ? 'icon' : undefined,
          showArrow: !PAIRING.has(e.action),
          label: (
            // Pair entries open nothing: indented by the arrow's room, they line up with the rest.
            <Flex wrap gap={8} align="center" style={PAIRING.has(e.action) ? { marginInlineStart: 24 } : undefined}>
              <Tag color={colorOf(e.action)} style={{ marginInlineEnd: 0 }}>
                {label(`registry.history.actions.${e.action}`, e.action)}
              </Tag>
              <Typography.Text>{e.actorName === 'system' || !e.actorName ? t('audit.system') : e.actorName}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatDateTimeSeconds(e.at)}
              </Typography.Text>
              <Typography.Text type="secondary">{summary(e)}</Typography.Text>
            </Flex>
          ),
          children: PAIRING.has(e.action) ? null : <HistoryDiff changes={householdChanges(e.before, e.after)} tags={tags} />,
        }))}
      />
    </div>
  );
}
