import { DisconnectOutlined, UserAddOutlined } from '@ant-design/icons';
import { ASSISTANCE_MEASURES } from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import { App, Button, Descriptions, Flex, Popconfirm, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../api/use-report-error';
import { useUnpairCadre } from '../api';
import { useRegistryLabels } from '../labels';

// Only managers pair, and its date picker is large: loaded when 结对帮扶干部 is pressed.
const PairForm = lazy(() => import('./PairForm').then((m) => ({ default: m.PairForm })));

/** 帮扶: paired cadres (pair and unpair for managers), projects, measures, K8 and K9 notes. */
export function AssistanceSection({ h, compact }: { h: Household; compact: boolean }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const unpair = useUnpairCadre();
  const report = useReportError();
  const { message } = App.useApp();
  const [pairing, setPairing] = useState(false);
  const none = <Typography.Text type="secondary">{t('registry.none')}</Typography.Text>;

  const pairings = (
    <Flex vertical gap={8} data-testid="pairings">
      {h.pairings.length === 0 ? <Typography.Text type="secondary">{t('registry.assistance.noPairings')}</Typography.Text> : null}
      {h.pairings.map((p) => (
        <Flex key={p.cadreId} gap={8} align="center" wrap>
          <Typography.Text strong>{p.cadreName}</Typography.Text>
          {p.workUnitName ? <Typography.Text>{p.workUnitName}</Typography.Text> : null}
          <Typography.Text type="secondary">{t('registry.assistance.since', { date: p.since })}</Typography.Text>
          {h.canEdit ? (
            <Popconfirm
              title={t('registry.assistance.unpairConfirm', { name: p.cadreName })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                unpair.mutate(
                  { id: h.id, cadreId: p.cadreId },
                  { onSuccess: () => void message.success(t('registry.assistance.unpaired')), onError: (err) => report(err) },
                )
              }
            >
              <Button size="small" type="link" danger icon={<DisconnectOutlined />}>
                {t('registry.assistance.unpair')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ))}
      {h.canEdit && !pairing ? (
        <Button
          icon={<UserAddOutlined />}
          onClick={() => setPairing(true)}
          style={{ alignSelf: 'flex-start' }}
          data-testid="pair-open"
        >
          {t('registry.assistance.pairTitle')}
        </Button>
      ) : null}
      {pairing ? (
        <Suspense fallback={<Spin size="small" />}>
          <PairForm h={h} onDone={() => setPairing(false)} />
        </Suspense>
      ) : null}
    </Flex>
  );

  const flag = (on: boolean, label: string) => (on ? <Tag color="red">{label}</Tag> : null);
  const risks =
    h.industryFailed || h.employmentUnstable || h.lowMotivationNote ? (
      <Flex vertical gap={4}>
        <Flex wrap gap={4}>
          {flag(h.industryFailed, t('registry.assistance.industryFailed'))}
          {flag(h.employmentUnstable, t('registry.assistance.employmentUnstable'))}
          {flag(Boolean(h.lowMotivationNote), t('registry.assistance.lowMotivation'))}
        </Flex>
        {h.lowMotivationNote ? <Typography.Text>{h.lowMotivationNote}</Typography.Text> : null}
      </Flex>
    ) : (
      <Typography.Text type="secondary">{t('registry.assistance.noRisk')}</Typography.Text>
    );

  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      layout={compact ? 'vertical' : 'horizontal'}
      styles={{ label: compact ? {} : { width: 180 } }}
      data-testid="assistance"
      items={[
        { key: 'pairings', label: t('registry.assistance.pairings'), children: pairings },
        {
          key: 'projects',
          label: t('registry.assistance.projects'),
          children: h.industryProjects.length ? h.industryProjects.map((p) => <Tag key={p}>{p}</Tag>) : none,
        },
        {
          key: 'measures',
          label: t('registry.assistance.measures'),
          children: h.assistanceMeasures.length
            ? h.assistanceMeasures.map((m) => (
                <Tag key={m} color="geekblue">
                  {labels.code(ASSISTANCE_MEASURES, m)}
                </Tag>
              ))
            : none,
        },
        { key: 'risks', label: t('registry.assistance.risks'), children: risks },
        { key: 'riskNote', label: t('registry.assistance.riskNote'), children: h.riskNote ?? none },
      ]}
    />
  );
}
