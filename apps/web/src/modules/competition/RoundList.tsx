import type { RoundStatus } from '@fupin/domain';
import { Button, Card, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import type { Round } from './api';
import { STATUS_COLORS, useCompetitionLabels } from './labels';

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const labels = useCompetitionLabels();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="round-status" data-status={status}>
      {labels.status(status)}
    </Tag>
  );
}

const published = (r: Round) => r.status === 'published' || r.status === 'final';

/** The township's rounds, newest month first: status, sample size, publicity period; cards on a phone. */
export function RoundList({ rounds, loading, mobile }: { rounds: Round[]; loading: boolean; mobile: boolean }) {
  const { t } = useTranslation();
  const labels = useCompetitionLabels();
  const title = (r: Round) => `${r.townshipName} ${labels.month(r.month)}`;
  const period = (r: Round) => (r.publicity ? t('competition.period', r.publicity) : '—');
  const links = (r: Round) => (
    <Flex gap={8} wrap>
      <Link to={`/competition/rounds/${r.id}`}>
        <Button size={mobile ? 'middle' : 'small'} type="primary" ghost data-testid="round-open">
          {t('competition.open')}
        </Button>
      </Link>
      {published(r) ? (
        <Link to={`/competition/rounds/${r.id}/bulletin`}>
          <Button size={mobile ? 'middle' : 'small'}>{t('competition.bulletinLink')}</Button>
        </Link>
      ) : null}
    </Flex>
  );
  if (mobile)
    return (
      <Flex vertical gap={8} data-testid="round-cards">
        {rounds.length === 0 && !loading ? <Empty description={t('competition.empty')} /> : null}
        {rounds.map((r) => (
          <Card key={r.id} size="small" styles={{ body: { padding: 12 } }} data-testid="round-card">
            <Flex vertical gap={6}>
              <Flex justify="space-between" gap={8} align="center">
                <Typography.Text strong>{title(r)}</Typography.Text>
                <RoundStatusTag status={r.status} />
              </Flex>
              <Typography.Text type="secondary">
                {t('competition.sampleSize')} {t('competition.perVillage', { count: r.sampleSize })} ·{' '}
                {t('competition.publicity')} {period(r)}
              </Typography.Text>
              {links(r)}
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  const columns: TableColumnsType<Round> = [
    { title: t('competition.month'), key: 'month', render: (_, r) => <Link to={`/competition/rounds/${r.id}`}>{title(r)}</Link> },
    { title: t('competition.status'), dataIndex: 'status', render: (s: RoundStatus) => <RoundStatusTag status={s} /> },
    {
      title: t('competition.sampleSize'),
      dataIndex: 'sampleSize',
      render: (n: number) => t('competition.perVillage', { count: n }),
    },
    { title: t('competition.publicity'), key: 'publicity', render: (_, r) => period(r) },
    { title: t('competition.createdAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
    { title: t('common.actions'), key: 'actions', render: (_, r) => links(r) },
  ];
  return (
    <Table<Round>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rounds}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 24, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={t('competition.empty')} /> }}
      data-testid="rounds-table"
    />
  );
}
