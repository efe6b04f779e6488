import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { type DrillPage, DrillResults } from '../dashboard/lists/DrillResults';
import type { Lapse } from './api';
import { Chain } from './Chain';
import { subjectHref } from './filters';
import { KIND_COLORS, useAccountabilityLabels } from './labels';

/**
 * The lapses behind a figure, most days late first, each with its evidence (the household,
 * problem, order or summary, opening its page), how late, and who answers for it up the chain.
 */
export function LapseList({ items, paging, mobile }: { items: Lapse[]; paging: DrillPage; mobile: boolean }) {
  const { t } = useTranslation();
  const labels = useAccountabilityLabels();
  const duty = (l: Lapse) => (
    <Flex gap={4} wrap align="center">
      <Tag color={KIND_COLORS[l.kind]} style={{ marginInlineEnd: 0 }}>
        {labels.kind(l.kind)}
      </Tag>
      <span>{labels.duty(l.duty)}</span>
    </Flex>
  );
  const subject = (l: Lapse) => {
    const href = subjectHref(l.subject);
    return (
      <Flex vertical gap={0} data-testid="lapse-subject">
        {href ? (
          <Link to={href} style={{ wordBreak: 'break-word' }} data-testid="lapse-evidence">
            {l.subject.label}
          </Link>
        ) : (
          <Typography.Text style={{ wordBreak: 'break-word' }}>{l.subject.label}</Typography.Text>
        )}
        {l.subject.detail ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-word' }}>
            {l.subject.detail}
          </Typography.Text>
        ) : null}
      </Flex>
    );
  };
  const late = (l: Lapse) => (
    <Flex vertical gap={0}>
      <Typography.Text type="danger" strong data-testid="lapse-days">
        {t('accountability.days', { count: l.daysLate })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {l.state === 'late' ? t('accountability.doneAt', { at: formatDateTime(l.doneAt) }) : labels.state(l.state)}
      </Typography.Text>
    </Flex>
  );
  return (
    <DrillResults<Lapse>
      items={items}
      rowKey={(l) => l.key}
      mobile={mobile}
      paging={paging}
      // wide enough for a desk beside the menu; the chain wraps within its column
      scrollX={1040}
      card={(l) => (
        <Flex vertical gap={4}>
          <Flex justify="space-between" gap={8} align="flex-start">
            {duty(l)}
            <Typography.Text type="danger" strong style={{ whiteSpace: 'nowrap' }}>
              {t('accountability.days', { count: l.daysLate })}
            </Typography.Text>
          </Flex>
          {subject(l)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.villageName ? `${l.villageName} · ` : ''}
            {t('accountability.lapses.deadline')} {l.deadline} ·{' '}
            {l.state === 'late' ? t('accountability.doneAt', { at: formatDateTime(l.doneAt) }) : labels.state(l.state)}
          </Typography.Text>
          <div>
            <Typography.Text strong style={{ fontSize: 13 }}>
              {t('accountability.lapses.responsible')}
            </Typography.Text>
            <Chain entries={l.responsible} />
          </div>
          <div>
            <Typography.Text strong style={{ fontSize: 13 }}>
              {t('accountability.lapses.chain')}
            </Typography.Text>
            <Chain entries={l.chain} />
          </div>
        </Flex>
      )}
      columns={[
        { title: t('accountability.lapses.duty'), key: 'duty', width: 130, render: (_, l) => duty(l) },
        { title: t('accountability.lapses.subject'), key: 'subject', width: 210, render: (_, l) => subject(l) },
        { title: t('accountability.lapses.village'), dataIndex: 'villageName', render: (v: string | null) => v ?? '—' },
        { title: t('accountability.lapses.deadline'), dataIndex: 'deadline' },
        { title: t('accountability.lapses.late'), key: 'late', render: (_, l) => late(l) },
        {
          title: t('accountability.lapses.responsible'),
          key: 'responsible',
          width: 170,
          render: (_, l) => <Chain entries={l.responsible} />,
        },
        { title: t('accountability.lapses.chain'), key: 'chain', width: 240, render: (_, l) => <Chain entries={l.chain} /> },
      ]}
    />
  );
}
