import { COMPETITION_PARTS, type CompetitionPart } from '@fupin/domain';
import { Progress as Bar, Card, Flex, Image, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format';
import type { Progress, RankingRow, RoundDetail, RoundVillage, Sheet } from '../api';
import { useCompetitionLabels } from '../labels';
import { photoUrl } from '../work-api';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

function PartProgress({ p }: { p: Progress }) {
  const done = p.expected > 0 && p.in >= p.expected;
  return (
    <Flex gap={6} align="center" style={{ minWidth: 110 }}>
      <Bar
        percent={p.expected ? Math.round((p.in / p.expected) * 100) : 0}
        size="small"
        showInfo={false}
        status={done ? 'success' : 'active'}
        style={{ width: 56, margin: 0 }}
      />
      <span style={num}>
        {p.in}/{p.expected}
      </span>
    </Flex>
  );
}

function Sheets({ v, roundId }: { v: RoundVillage; roundId: string }) {
  const { t } = useTranslation();
  const labels = useCompetitionLabels();
  if (v.sheets.length === 0) return <Typography.Text type="secondary">{t('competition.progress.noSheets')}</Typography.Text>;
  return (
    <Table<Sheet>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={v.sheets}
      columns={[
        { title: t('competition.progress.part'), dataIndex: 'part', render: (p: CompetitionPart) => labels.part(p) },
        { title: t('competition.progress.subject'), dataIndex: 'subjectName' },
        { title: t('competition.progress.judge'), dataIndex: 'judgeName' },
        {
          title: t('competition.progress.total'),
          dataIndex: 'total',
          render: (n: number) => <span style={num}>{n.toFixed(2)}</span>,
        },
        { title: t('competition.score.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
        {
          title: t('competition.photos.title'),
          key: 'photos',
          render: (_, s) =>
            s.photos.length ? (
              <Image.PreviewGroup>
                <Flex gap={4} wrap data-testid="sheet-photos-office">
                  {s.photos.map((p) => (
                    <Image
                      key={p.id}
                      src={photoUrl(roundId, s.id, p.id)}
                      alt={p.fileName}
                      width={40}
                      height={40}
                      style={{ objectFit: 'cover', borderRadius: 4 }}
                    />
                  ))}
                </Flex>
              </Image.PreviewGroup>
            ) : null,
        },
        { title: t('competition.progress.submittedAt'), dataIndex: 'submittedAt', render: (d: string) => formatDateTime(d) },
      ]}
    />
  );
}

/** The ranking as a small table: the stored one once published, the office's preview before. */
export function RankingTable({ rows, testId }: { rows: RankingRow[]; testId: string }) {
  const { t } = useTranslation();
  const labels = useCompetitionLabels();
  return (
    <Table<RankingRow>
      rowKey="villageId"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('competition.progress.rank'),
          key: 'rank',
          render: (_, r) => (
            <span style={num}>
              {r.rank}
              {r.tied ? <Tag style={{ marginInlineStart: 4 }}>{t('competition.bulletin.tiedTag')}</Tag> : null}
            </span>
          ),
        },
        { title: t('competition.village'), dataIndex: 'villageName' },
        ...COMPETITION_PARTS.map((p) => ({
          title: labels.part(p),
          key: p,
          render: (_: unknown, r: RankingRow) => <span style={num}>{r[p].toFixed(2)}</span>,
        })),
        {
          title: t('competition.bulletin.total'),
          key: 'total',
          render: (_, r) => <strong style={num}>{r.total.toFixed(2)}</strong>,
        },
        { title: t('competition.progress.money'), dataIndex: 'moneyText', render: (m: string) => <span style={num}>{m}</span> },
      ]}
      data-testid={testId}
    />
  );
}

/** 评分进度: sheets in per village and part, which villages are complete; the office sees each sheet and the preview. */
export function ProgressPanel({ detail, villages, mobile }: { detail: RoundDetail; villages: RoundVillage[]; mobile: boolean }) {
  const { t } = useTranslation();
  const labels = useCompetitionLabels();
  const judgesOf = (v: RoundVillage, p: CompetitionPart) => v.judges[p].map((j) => j.name).join('、') || '—';
  const complete = (v: RoundVillage) =>
    v.complete ? (
      <Tag color="green">{t('competition.progress.complete')}</Tag>
    ) : (
      <Tag color="orange">{t('competition.progress.incomplete')}</Tag>
    );
  return (
    <Flex vertical gap={12} data-testid="progress">
      {mobile ? (
        villages.map((v) => (
          <Card key={v.villageId} size="small" title={v.villageName} extra={complete(v)} data-testid="progress-card">
            <Flex vertical gap={6}>
              {COMPETITION_PARTS.map((p) => (
                <Flex key={p} justify="space-between" align="center" gap={8}>
                  <Typography.Text style={{ minWidth: 40 }}>{labels.part(p)}</Typography.Text>
                  <Typography.Text type="secondary" ellipsis style={{ flex: 1, minWidth: 0 }}>
                    {judgesOf(v, p)}
                  </Typography.Text>
                  <PartProgress p={v.progress[p]} />
                </Flex>
              ))}
            </Flex>
          </Card>
        ))
      ) : (
        <Table<RoundVillage>
          rowKey="villageId"
          size="small"
          pagination={false}
          dataSource={villages}
          expandable={
            detail.viewer.canManage ? { expandedRowRender: (v) => <Sheets v={v} roundId={detail.round.id} /> } : undefined
          }
          columns={[
            { title: t('competition.village'), dataIndex: 'villageName' },
            ...COMPETITION_PARTS.map((p) => ({
              title: labels.part(p),
              key: p,
              render: (_: unknown, v: RoundVillage) => (
                <Flex vertical gap={2}>
                  <PartProgress p={v.progress[p]} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {judgesOf(v, p)}
                  </Typography.Text>
                </Flex>
              ),
            })),
            { title: t('competition.status'), key: 'complete', render: (_, v) => complete(v) },
          ]}
          data-testid="progress-table"
        />
      )}
      {detail.ranking ? (
        <Card size="small" title={t('competition.progress.ranking')}>
          <RankingTable rows={detail.ranking} testId="ranking-table" />
        </Card>
      ) : detail.preview ? (
        <Card size="small" title={t('competition.progress.preview')}>
          <RankingTable rows={detail.preview} testId="preview-table" />
        </Card>
      ) : null}
    </Flex>
  );
}
