/** One difference a visit found: the registry then, the finding, the registry now; a conflict needs an explicit confirmation. */
import { Alert, App, Button, Checkbox, Descriptions, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useReportError } from '../../../api/use-report-error';
import { formatDateTime } from '../../../ui/format';
import { type Discrepancy, useDecideDiscrepancy } from '../api';
import { useVisitLabels } from '../labels';

export function DiscrepancyItem({ item }: { item: Discrepancy }) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  const { message } = App.useApp();
  const report = useReportError();
  const decide = useDecideDiscrepancy();
  const [note, setNote] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const field = item.kind === 'field' ? item.field : item.kind === 'member_status' ? 'status' : null;
  const title =
    item.kind === 'member_new'
      ? t('visits.review.memberNew')
      : [item.memberName, item.kind === 'member_status' ? t('visits.review.memberStatus') : labels.field(item.field ?? '')]
          .filter(Boolean)
          .join(' · ');

  const send = (decision: 'accept' | 'reject') =>
    decide.mutate(
      { id: item.id, decision, note: note.trim() || null, confirmConflict: decision === 'accept' && item.conflict && confirmed },
      {
        onSuccess: () => void message.success(decision === 'accept' ? t('visits.review.accepted') : t('visits.review.rejected')),
        onError: (error) => {
          // Changed between loading and deciding: the list reloads and shows it as a conflict.
          if (error instanceof ApiError && error.code === 'DISCREPANCY_CONFLICT')
            void message.warning(t('visits.review.conflictRefused'));
          else report(error);
        },
      },
    );

  return (
    <div
      data-testid="discrepancy"
      data-conflict={item.conflict || undefined}
      style={{
        border: `1px solid ${item.conflict ? '#ff4d4f' : '#f0f0f0'}`,
        background: item.conflict ? '#fff2f0' : '#fff',
        borderRadius: 8,
        padding: 12,
        marginBottom: 10,
      }}
    >
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong>{title}</Typography.Text>
        {item.conflict ? (
          <Tag color="error" style={{ marginInlineEnd: 0 }}>
            {t('visits.review.conflict')}
          </Tag>
        ) : null}
      </Flex>
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 96 } }}
        items={[
          { key: 'registry', label: t('visits.review.registry'), children: labels.value(field, item.registryValue) },
          {
            key: 'observed',
            label: t('visits.review.observed'),
            children: <Typography.Text strong>{labels.value(field, item.observedValue)}</Typography.Text>,
          },
          ...(item.kind === 'member_new'
            ? []
            : [
                {
                  key: 'current',
                  label: t('visits.review.current'),
                  children: (
                    <Typography.Text type={item.conflict ? 'danger' : undefined}>
                      {labels.value(field, item.currentValue)}
                    </Typography.Text>
                  ),
                },
              ]),
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('visits.review.visit', { name: item.visitorName, time: formatDateTime(item.visitedAt) })}
      </Typography.Text>
      {item.conflict ? (
        <>
          <Alert type="error" showIcon title={t('visits.review.conflictText')} style={{ margin: '8px 0' }} />
          <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="confirm-conflict">
            {t('visits.review.confirmConflict')}
          </Checkbox>
        </>
      ) : null}
      <Input
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={300}
        placeholder={t('visits.review.notePlaceholder')}
        style={{ margin: '8px 0' }}
      />
      <Flex gap={8} justify="flex-end">
        <Button
          onClick={() => send('reject')}
          loading={decide.isPending && decide.variables?.decision === 'reject'}
          data-testid="reject"
        >
          {t('visits.review.reject')}
        </Button>
        <Button
          type="primary"
          disabled={item.conflict && !confirmed}
          onClick={() => send('accept')}
          loading={decide.isPending && decide.variables?.decision === 'accept'}
          data-testid="accept"
        >
          {t('visits.review.accept')}
        </Button>
      </Flex>
    </div>
  );
}
