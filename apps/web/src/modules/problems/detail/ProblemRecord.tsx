import { Descriptions, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDynamicLabel } from '../../../i18n';
import { formatDateTime } from '../../../ui/format';
import { useSiteNames } from '../../inspections/api';
import type { Problem, ProblemEvent } from '../api';
import { useProblemLabels } from '../labels';
import { ProblemTags } from '../ProblemTags';

/** 问题记录: where, what, who answers for it and by when. */
export function ProblemRecord({ p, compact }: { p: Problem; compact: boolean }) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  const none = t('common.none');
  const site = useSiteNames()(p.siteId);
  return (
    <Descriptions
      size="small"
      bordered
      styles={{ label: { whiteSpace: 'nowrap', width: compact ? 96 : 110 } }}
      column={compact ? 1 : 2}
      data-testid="problem-record"
      items={[
        { key: 'status', label: t('problems.status'), children: <ProblemTags p={p} /> },
        {
          key: 'level',
          label: t('problems.level'),
          children: (
            <span data-testid="problem-level">
              {p.level === 'township' ? t('problems.levelTownship') : t('problems.levelVillage')}
            </span>
          ),
        },
        { key: 'village', label: t('problems.village'), children: p.villageName ?? t('problems.township') },
        {
          key: 'household',
          label: t('problems.householdOrSite'),
          children: p.householdId ? (
            <Link to={`/registry/${p.householdId}`}>{p.headName ?? p.householdNumber ?? none}</Link>
          ) : (
            (site ?? none)
          ),
        },
        { key: 'category', label: t('problems.category'), children: labels.category(p.category) },
        { key: 'source', label: t('problems.source'), children: labels.source(p.source) },
        {
          key: 'description',
          label: t('problems.description'),
          span: compact ? 1 : 2,
          children: <Typography.Text style={{ wordBreak: 'break-word' }}>{p.description}</Typography.Text>,
        },
        {
          key: 'measures',
          label: t('problems.measures'),
          span: compact ? 1 : 2,
          children: <span data-testid="problem-measures">{p.measures ?? none}</span>,
        },
        { key: 'unit', label: t('problems.responsibleUnit'), children: p.responsibleUnitName ?? none },
        { key: 'user', label: t('problems.responsibleUser'), children: p.responsibleUserName ?? none },
        {
          key: 'deadline',
          label: t('problems.deadline'),
          children: (
            <Typography.Text type={p.overdue ? 'danger' : undefined} data-testid="problem-deadline">
              {p.deadline ?? none}
            </Typography.Text>
          ),
        },
        { key: 'created', label: t('problems.createdAt'), children: formatDateTime(p.createdAt) },
        ...(p.escalatedAt
          ? [{ key: 'escalated', label: t('problems.escalatedAt'), children: formatDateTime(p.escalatedAt) }]
          : []),
        ...(p.closedAt ? [{ key: 'closed', label: t('problems.closedAt'), children: formatDateTime(p.closedAt) }] : []),
        ...(p.reopenedCount ? [{ key: 'reopened', label: t('problems.reopenedCount'), children: p.reopenedCount }] : []),
      ]}
    />
  );
}

const EVENT_COLORS: Record<string, string> = {
  verify: 'green',
  send_back: 'red',
  reopen: 'red',
  escalate: 'orange',
  auto_escalate: 'red',
  ordered: 'orange',
  crosscheck_confirm: 'green',
};

/** 处理过程: every step of the problem, oldest first, with who did it and the reason given. */
export function ProblemHistory({ events }: { events: ProblemEvent[] }) {
  const { t } = useTranslation();
  const label = useDynamicLabel();
  const labels = useProblemLabels();
  return (
    <div data-testid="problem-history">
      <Timeline
        items={events.map((e, i) => ({
          key: `${e.at}-${i}`,
          color: EVENT_COLORS[e.action] ?? 'blue',
          content: (
            <div data-testid="history-event" data-action={e.action}>
              <Typography.Text strong>{label(`problems.events.${e.action}`, e.action)}</Typography.Text>
              {e.toStatus && e.fromStatus ? (
                <Typography.Text type="secondary">
                  {' '}
                  {labels.status(e.fromStatus)} → {labels.status(e.toStatus)}
                </Typography.Text>
              ) : null}
              <div>
                <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatDateTime(e.at)} · {e.actorName ?? t('audit.system')}
                </Typography.Text>
              </div>
              {e.note ? (
                <Typography.Paragraph style={{ margin: 0, wordBreak: 'break-word' }}>{e.note}</Typography.Paragraph>
              ) : null}
            </div>
          ),
        }))}
      />
    </div>
  );
}
