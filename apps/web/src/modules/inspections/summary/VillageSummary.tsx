import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../api/use-report-error';
import { formatDateTime } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { NoteModal } from '../../problems/detail/NoteModal';
import { downloadFile } from '../../registry/files';
import { useSummary, useSummaryAction } from '../api';
import { SummaryFigures, SummaryStatus } from './SummaryFigures';

/** One village's 附件5: live figures, what was submitted, 上报 (locks it) and 退回 (the township). */
export function VillageSummary({
  campaignId,
  villageId,
  canSubmit,
  canReopen,
}: {
  campaignId: string;
  villageId: string;
  canSubmit: boolean;
  canReopen: boolean;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const summary = useSummary(campaignId, villageId);
  const action = useSummaryAction();
  const [reopening, setReopening] = useState(false);
  if (summary.error) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  if (!summary.data) return <Spin />;
  const s = summary.data;
  const submitted = s.status === 'submitted';
  const exportIt = () =>
    downloadFile('/api/inspections/summary.xlsx', { campaignId, villageId }, 'summary.xlsx').catch((e: unknown) => report(e));
  return (
    <Flex vertical gap={12} data-testid="village-summary">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'village', label: t('inspections.village'), children: s.villageName },
          { key: 'status', label: t('inspections.summary.status'), children: <SummaryStatus status={s.status} /> },
          { key: 'deadline', label: t('inspections.summary.deadline'), children: s.deadline },
          { key: 'at', label: t('inspections.summary.submittedAt'), children: formatDateTime(s.submittedAt) },
        ]}
      />
      {s.reopenReason && !submitted ? (
        <Alert type="warning" showIcon title={t('inspections.summary.reopened', { reason: s.reopenReason })} />
      ) : null}
      <Flex gap={8} wrap>
        {canSubmit && !submitted ? (
          <Button
            type="primary"
            loading={action.isPending}
            data-testid="summary-submit"
            onClick={() =>
              modal.confirm({
                title: t('inspections.summary.submit'),
                content: t('inspections.summary.submitConfirm'),
                onOk: () =>
                  action
                    .mutateAsync({ action: 'submit', campaignId, villageId })
                    .then(() => void message.success(t('inspections.summary.submittedDone')))
                    .catch((e: unknown) => report(e)),
              })
            }
          >
            {t('inspections.summary.submit')}
          </Button>
        ) : null}
        {canReopen && submitted ? (
          <Button danger onClick={() => setReopening(true)} data-testid="summary-reopen">
            {t('inspections.summary.reopen')}
          </Button>
        ) : null}
        <Button icon={<DownloadOutlined />} onClick={() => void exportIt()}>
          {t('inspections.summary.export')}
        </Button>
      </Flex>
      <SummaryFigures state={s} />
      {reopening ? (
        <NoteModal
          title={t('inspections.summary.reopenTitle', { village: s.villageName })}
          label={t('problems.reason')}
          required
          danger
          loading={action.isPending}
          okText={t('inspections.summary.reopen')}
          onOk={(reason) =>
            action.mutate(
              { action: 'reopen', campaignId, villageId, reason },
              {
                onSuccess: () => {
                  void message.success(t('inspections.summary.reopenDone'));
                  setReopening(false);
                },
                onError: (e) => report(e),
              },
            )
          }
          onClose={() => setReopening(false)}
          testId="summary-reopen-modal"
        />
      ) : null}
    </Flex>
  );
}
