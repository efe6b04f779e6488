import { Button, Card, Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from './api';

type Row = NonNullable<Dashboard['ranking']>['rows'][number];

/** Yuan from fen, with the sign a deduction carries. */
export function yuan(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
}

/** 最新大比武排名: the latest published or final round, opening its bulletin (通报). */
export function RankingPanel({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const r = d.ranking;
  return (
    <Card
      size="small"
      title={
        r ? (
          <>
            {t('dashboard.ranking.title')} · {r.month}{' '}
            <Tag color={r.status === 'final' ? 'green' : 'blue'}>{t(`dashboard.ranking.status.${r.status}`)}</Tag>
          </>
        ) : (
          t('dashboard.ranking.title')
        )
      }
      extra={
        r ? (
          <Link to={`/competition/rounds/${r.roundId}/bulletin`}>
            <Button size="small" type="link">
              {t('dashboard.ranking.bulletin')}
            </Button>
          </Link>
        ) : null
      }
      style={{ height: '100%' }}
      data-testid="ranking-panel"
    >
      {r?.rows.length ? (
        <Table<Row>
          size="small"
          rowKey="villageId"
          dataSource={r.rows}
          pagination={false}
          columns={[
            { title: t('dashboard.ranking.rank'), dataIndex: 'rank', width: 56, align: 'center' },
            { title: t('dashboard.ranking.village'), dataIndex: 'villageName' },
            { title: t('dashboard.ranking.total'), dataIndex: 'total', align: 'right', render: (v: number) => v.toFixed(2) },
            {
              title: t('dashboard.ranking.money'),
              dataIndex: 'moneyFen',
              align: 'right',
              render: (fen: number) =>
                fen === 0 ? (
                  '—'
                ) : (
                  <span style={{ color: fen > 0 ? '#389e0d' : '#cf1322' }}>{fen > 0 ? `+${yuan(fen)}` : yuan(fen)}</span>
                ),
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.ranking.none')} />
      )}
    </Card>
  );
}
