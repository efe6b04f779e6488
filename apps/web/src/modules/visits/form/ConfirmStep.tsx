import { AimOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, List, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format';
import { useVisitLabels } from '../labels';
import { Block } from './controls';
import type { VisitMeta } from './model';
import type { LiveVisit } from './use-live';

type Locating = { state: 'off' } | { state: 'busy' } | { state: 'done' } | { state: 'failed'; reason: string };

/** 确认: when and where, the problems the form will create, what differs from the registry, hints. */
export function ConfirmStep({
  live,
  meta,
  onMeta,
  stale,
}: {
  live: LiveVisit;
  meta: VisitMeta;
  onMeta: (m: VisitMeta) => void;
  stale: boolean;
}) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  const [locating, setLocating] = useState<Locating>(meta.position ? { state: 'done' } : { state: 'off' });

  const locate = (on: boolean) => {
    if (!on) {
      setLocating({ state: 'off' });
      onMeta({ ...meta, position: null });
      return;
    }
    if (!('geolocation' in navigator)) {
      setLocating({ state: 'failed', reason: t('visits.form.noGeolocation') });
      return;
    }
    setLocating({ state: 'busy' });
    // Never in the way of submitting: the form goes with or without a position.
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating({ state: 'done' });
        onMeta({
          ...meta,
          position: { latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: Math.round(p.coords.accuracy) },
        });
      },
      (e) => setLocating({ state: 'failed', reason: e.message || String(e.code) }),
      { timeout: 10_000, maximumAge: 5 * 60_000, enableHighAccuracy: true },
    );
  };

  return (
    <div data-testid="step-confirm">
      {stale ? <Alert type="warning" showIcon title={t('visits.form.registryChanged')} style={{ marginBottom: 12 }} /> : null}
      <Block title={t('visits.form.whenWhere')}>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <span>
            <ClockCircleOutlined /> {t('visits.form.visitedAt')}：<b data-testid="visited-at">{formatDateTime(meta.visitedAt)}</b>
          </span>
          <Button size="small" onClick={() => onMeta({ ...meta, visitedAt: new Date().toISOString() })}>
            {t('visits.form.now')}
          </Button>
        </Flex>
        <Flex justify="space-between" align="center" gap={8}>
          <span>
            <AimOutlined /> {t('visits.form.position')}
          </span>
          <Switch
            checked={locating.state !== 'off'}
            loading={locating.state === 'busy'}
            onChange={locate}
            data-testid="position-switch"
          />
        </Flex>
        <Typography.Text type={locating.state === 'failed' ? 'warning' : 'secondary'} style={{ fontSize: 13 }}>
          {locating.state === 'done' && meta.position
            ? t('visits.form.located', { m: meta.position.accuracy ?? '?' })
            : locating.state === 'busy'
              ? t('visits.form.locating')
              : locating.state === 'failed'
                ? t('visits.form.positionFailed', { reason: locating.reason })
                : t('visits.form.positionHint')}
        </Typography.Text>
      </Block>
      <Block title={t('visits.form.problemsTitle', { count: live.problems.length })} testId="confirm-problems">
        {live.problems.length === 0 ? (
          <Typography.Text type="secondary">{t('visits.form.noProblems')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={live.problems}
            renderItem={(p) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Flex vertical gap={2}>
                  <Flex gap={4} wrap>
                    <Tag color="red">{labels.category(p.category)}</Tag>
                    {p.solvedOnSite ? <Tag color="green">{t('visits.form.solvedOnSite')}</Tag> : null}
                  </Flex>
                  <span>{p.description}</span>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Block>
      <Block
        title={t('visits.form.discrepanciesTitle', { count: live.observations.length + live.memberChanges.length })}
        testId="confirm-differences"
      >
        {live.observations.length + live.memberChanges.length === 0 ? (
          <Typography.Text type="secondary">{t('visits.form.noDifferences')}</Typography.Text>
        ) : (
          <Flex vertical gap={6}>
            {live.observations.map((o) => {
              const who = o.memberId ? live.payload.members.find((m) => m.memberId === o.memberId)?.name : null;
              return (
                <div key={`${o.memberId}:${o.field}`}>
                  <Typography.Text strong>{who ? `${who} · ${labels.field(o.field)}` : labels.field(o.field)}</Typography.Text>：
                  {labels.value(o.field, o.registryValue)} →{' '}
                  <Typography.Text type="warning">{labels.value(o.field, o.observedValue)}</Typography.Text>
                </div>
              );
            })}
            {live.memberChanges.map((m) => (
              <div key={`${m.memberId ?? m.name}:${m.check}`}>
                <Typography.Text strong>{m.name || t('visits.form.newMember')}</Typography.Text>：{labels.check(m.check)}
                {m.date ? `（${m.date}）` : ''}
              </div>
            ))}
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('visits.form.differencesHint')}
            </Typography.Text>
          </Flex>
        )}
      </Block>
      {live.hints.length ? (
        <Alert
          type="info"
          showIcon
          title={t('visits.form.hintsTitle')}
          description={live.hints
            .map((h) =>
              h.code === 'far_from_home'
                ? t('visits.form.farFromHome', { m: h.metres })
                : t('visits.form.tooQuick', { min: h.minutes }),
            )
            .join('；')}
          style={{ marginBottom: 12 }}
          data-testid="plausibility-hints"
        />
      ) : null}
    </div>
  );
}
