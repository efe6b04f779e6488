import { Card, Empty, Flex, InputNumber, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCompetitionLabels } from '../labels';
import type { Year, YearVillage } from '../work-api';

const num = { fontVariantNumeric: 'tabular-nums' } as const;
const two = (n: number | null) => (n === null ? '—' : n.toFixed(2));

export type OtherScores = Record<string, number | null>;

/**
 * 年度得分: per village the month's totals (rank beside; a month still in publicity marked), the
 * annual score, the other score (the office types it in) and the year-end evaluation.
 */
export function YearTable({
  y,
  others,
  onOther,
  editable,
  mobile,
}: {
  y: Year;
  others: OtherScores;
  onOther: (villageId: string, v: number | null) => void;
  editable: boolean;
  mobile: boolean;
}) {
  const { t } = useTranslation();
  const labels = useCompetitionLabels();
  const monthName = (m: Year['months'][number]) =>
    labels.lang === 'en' ? m.month : t('competition.yearPage.monthCol', { month: Number(m.month.slice(5)) });
  const monthTitle = (m: Year['months'][number]) => (
    <span>
      {monthName(m)}
      {m.status === 'published' ? <Tag style={{ marginInlineStart: 4 }}>{t('competition.yearPage.pending')}</Tag> : null}
    </span>
  );
  const other = (v: YearVillage) =>
    editable ? (
      <InputNumber<number>
        value={others[v.villageId] ?? null}
        onChange={(x) => onOther(v.villageId, typeof x === 'number' ? x : null)}
        min={0}
        max={100}
        step={0.5}
        style={{ width: 96 }}
        aria-label={`${v.villageName} ${t('competition.yearPage.other')}`}
        data-testid="other-score"
      />
    ) : (
      <span style={num}>{two(v.otherScore)}</span>
    );
  if (y.villages.length === 0) return <Empty />;
  if (mobile)
    return (
      <Flex vertical gap={8} data-testid="year-cards">
        {y.villages.map((v) => (
          <Card key={v.villageId} size="small" title={v.villageName} data-testid="year-card">
            <Flex vertical gap={6}>
              <Flex wrap gap={6}>
                {y.months.map((m, i) => (
                  <Tag key={m.roundId} style={num}>
                    {monthName(m)} {two(v.monthly[i]?.total ?? null)}
                    {v.monthly[i]?.rank ? ` (#${v.monthly[i]?.rank})` : ''}
                  </Tag>
                ))}
              </Flex>
              <Flex justify="space-between">
                <Typography.Text type="secondary">{t('competition.yearPage.annual')}</Typography.Text>
                <strong style={num}>{two(v.competitionScore)}</strong>
              </Flex>
              <Flex justify="space-between" align="center">
                <Typography.Text type="secondary">{t('competition.yearPage.other')}</Typography.Text>
                {other(v)}
              </Flex>
              <Flex justify="space-between">
                <Typography.Text type="secondary">{t('competition.yearPage.evaluation')}</Typography.Text>
                <strong style={num}>{two(v.evaluation)}</strong>
              </Flex>
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  const columns: TableColumnsType<YearVillage> = [
    { title: '#', key: 'i', width: 44, render: (_, _v, i) => i + 1 },
    { title: t('competition.village'), dataIndex: 'villageName', fixed: 'left' },
    ...y.months.map((m, i) => ({
      title: monthTitle(m),
      key: m.roundId,
      render: (_: unknown, v: YearVillage) => (
        <span style={num}>
          {two(v.monthly[i]?.total ?? null)}
          {v.monthly[i]?.rank ? <Typography.Text type="secondary"> #{v.monthly[i]?.rank}</Typography.Text> : null}
        </span>
      ),
    })),
    {
      title: t('competition.yearPage.annual'),
      key: 'annual',
      render: (_, v) => (
        <span style={num}>
          <strong>{two(v.competitionScore)}</strong>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            {t('competition.yearPage.rounds', { count: v.roundsCounted })}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('competition.yearPage.other'), key: 'other', render: (_, v) => other(v) },
    {
      title: t('competition.yearPage.evaluation'),
      key: 'evaluation',
      render: (_, v) => <strong style={num}>{two(v.evaluation)}</strong>,
    },
  ];
  return (
    <Table<YearVillage>
      rowKey="villageId"
      size="small"
      columns={columns}
      dataSource={y.villages}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="year-table"
    />
  );
}
