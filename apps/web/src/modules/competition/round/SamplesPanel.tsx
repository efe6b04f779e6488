import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { POVERTY_STATUS } from '@fupin/domain';
import { Alert, App, Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../api/use-report-error';
import { formatDateTime } from '../../../ui/format';
import { NoteModal } from '../../problems/detail/NoteModal';
import { useRegistryLabels } from '../../registry/labels';
import { type RoundDetail, type RoundVillage, type SampledHousehold, useRedraw, useVerify, type Verify } from '../api';

function HouseholdTags({ h }: { h: SampledHousehold }) {
  const { t } = useTranslation();
  const registry = useRegistryLabels();
  return (
    <Flex gap={4} wrap>
      {h.povertyStatus !== 'none' ? (
        <Tag color={h.povertyStatus === 'not_out' ? 'red' : 'green'}>{registry.code(POVERTY_STATUS, h.povertyStatus)}</Tag>
      ) : null}
      {h.marginal ? <Tag color="orange">{t('competition.sample.marginal')}</Tag> : null}
    </Flex>
  );
}

function VerifyResult({ v }: { v: Verify }) {
  const { t } = useTranslation();
  return (
    <Alert
      type={v.matches ? 'success' : 'error'}
      showIcon
      title={
        v.matches
          ? t('competition.sample.verifyOk', { population: v.population.length, size: v.recorded.length })
          : t('competition.sample.verifyBad')
      }
      description={t('competition.sample.verifyDetail', { seed: v.seed, method: v.method, version: v.version })}
      data-testid="verify-result"
      data-matches={String(v.matches)}
    />
  );
}

/** One village's sample: the households drawn, with the seed and method anyone can redraw from. */
function VillageSample({
  v,
  roundId,
  canRedraw,
  mobile,
}: {
  v: RoundVillage;
  roundId: string;
  canRedraw: boolean;
  mobile: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const verify = useVerify(roundId);
  const redraw = useRedraw(roundId);
  const [result, setResult] = useState<Verify | null>(null);
  const [asking, setAsking] = useState(false);
  const s = v.sample;
  const onVerify = () => verify.mutate(v.villageId, { onSuccess: setResult, onError: (e) => report(e) });
  const onRedraw = (reason: string) =>
    redraw.mutate(
      { villageId: v.villageId, reason },
      {
        onSuccess: () => {
          setAsking(false);
          setResult(null);
          void message.success(t('competition.sample.redrawn', { village: v.villageName }));
        },
        onError: (e) => report(e),
      },
    );
  return (
    <Card
      size="small"
      title={v.villageName}
      extra={
        s ? (
          <Flex gap={8} wrap>
            <Button
              size="small"
              icon={<SafetyCertificateOutlined />}
              onClick={onVerify}
              loading={verify.isPending}
              data-testid="verify"
            >
              {t('competition.sample.verify')}
            </Button>
            {canRedraw ? (
              <Button size="small" icon={<ReloadOutlined />} onClick={() => setAsking(true)} data-testid="redraw">
                {t('competition.sample.redraw')}
              </Button>
            ) : null}
          </Flex>
        ) : null
      }
      styles={{ body: { padding: mobile ? 8 : 12 } }}
      data-testid="village-sample"
      data-village={v.villageName}
    >
      {!s ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('competition.sample.none')} />
      ) : (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }} data-testid="sample-seed">
            {t('competition.sample.seed')} <Typography.Text code>{s.seed}</Typography.Text> · {t('competition.sample.method')}{' '}
            <Typography.Text code>{s.method}</Typography.Text> · {t('competition.sample.population', { count: s.populationSize })}
            {' · '}
            {t('competition.sample.drawn', { name: s.drawnByName ?? '—', at: formatDateTime(s.drawnAt) })}
          </Typography.Text>
          {result ? <VerifyResult v={result} /> : null}
          {mobile ? (
            <Flex vertical gap={6}>
              {s.households.map((h, i) => (
                <Flex
                  key={h.id}
                  vertical
                  gap={2}
                  style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 6 }}
                  data-testid="sampled"
                >
                  <Flex justify="space-between" gap={8} wrap>
                    <Typography.Text strong>
                      {i + 1}. {h.headName}
                    </Typography.Text>
                    <HouseholdTags h={h} />
                  </Flex>
                  <Typography.Text type="secondary">
                    {[h.groupName, h.address].filter(Boolean).join(' · ') || '—'}
                  </Typography.Text>
                </Flex>
              ))}
            </Flex>
          ) : (
            <Table<SampledHousehold>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={s.households}
              columns={[
                { title: '#', key: 'i', width: 40, render: (_, _h, i) => i + 1 },
                { title: t('competition.sample.head'), dataIndex: 'headName' },
                { title: t('competition.sample.group'), dataIndex: 'groupName', render: (g: string | null) => g ?? '—' },
                { title: t('competition.sample.address'), dataIndex: 'address', render: (a: string | null) => a ?? '—' },
                { title: t('competition.sample.type'), key: 'type', render: (_, h) => <HouseholdTags h={h} /> },
              ]}
              data-testid="sample-table"
            />
          )}
        </Flex>
      )}
      {asking ? (
        <NoteModal
          title={t('competition.sample.redrawTitle', { village: v.villageName })}
          help={t('competition.sample.redrawHelp')}
          label={t('competition.sample.redrawReason')}
          required
          requiredMessage={t('competition.sample.reasonRequired')}
          loading={redraw.isPending}
          okText={t('competition.sample.redraw')}
          onOk={onRedraw}
          onClose={() => setAsking(false)}
          testId="redraw-modal"
        />
      ) : null}
    </Card>
  );
}

/** 抽样: every village the reader sees, each with 验证抽样 (anyone) and 重新抽样 (the office, while scoring). */
export function SamplesPanel({ detail, villages, mobile }: { detail: RoundDetail; villages: RoundVillage[]; mobile: boolean }) {
  const canRedraw = detail.viewer.canManage && detail.round.status === 'scoring';
  return (
    <Flex vertical gap={12} data-testid="samples">
      {villages.map((v) => (
        <VillageSample key={v.villageId} v={v} roundId={detail.round.id} canRedraw={canRedraw} mobile={mobile} />
      ))}
    </Flex>
  );
}
