import { DownloadOutlined, LockOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../api/use-report-error';
import { hasPermission, useMe } from '../modules/auth/api';
import { useSummaryAction, useVillageSummary, xlsxHref } from '../modules/visits/api';
import { useVisitCampaign } from '../modules/visits/context';
import { useVillageChoice } from '../modules/visits/review/use-villages';
import { SummaryStatusTag, SummaryView } from '../modules/visits/summary/SummaryView';
import { FullPageSpin } from '../ui/FullPageSpin';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';

/** /visits/summary 走访汇总 (附件3): the village's live summary, 上报 (then locked), and the Excel table. */
export function VisitSummaryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const report = useReportError();
  const { campaign } = useVisitCampaign('visit.read');
  const { villages, villageId, setVillageId } = useVillageChoice('visit.read');
  const summary = useVillageSummary(campaign.data?.id, villageId);
  const action = useSummaryAction();
  const canSubmit = hasPermission(me.data, 'summary.submit');

  const header = (
    <PageHeader
      title={t('visits.summary.title')}
      extra={
        villages.length > 1 ? (
          <Select
            value={villageId}
            onChange={setVillageId}
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
            style={{ minWidth: 160 }}
          />
        ) : null
      }
    />
  );
  if (campaign.error) return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (!villageId)
    return (
      <>
        {header}
        <Empty description={t('visits.summary.noVillage')} />
      </>
    );
  if (summary.error) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  if (!summary.data || !campaign.data) return <FullPageSpin fullHeight={false} />;
  const s = summary.data;
  const locked = s.status === 'submitted';
  const submit = () =>
    action.mutate(
      { action: 'submit', campaignId: campaign.data.id, villageId },
      { onSuccess: () => void message.success(t('visits.summary.submitted')), onError: (e) => report(e) },
    );

  return (
    <div style={{ maxWidth: 860 }} data-testid="summary-page">
      {header}
      <Card size="small" styles={{ body: { padding: 12 } }} style={{ marginBottom: 12 }}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Flex align="center" gap={8} wrap>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {s.villageName}
            </Typography.Text>
            <SummaryStatusTag status={s.status} />
            <Typography.Text type="secondary">{t('visits.summary.deadline', { date: s.deadline })}</Typography.Text>
          </Flex>
          <Flex gap={8} wrap>
            <Button
              icon={<DownloadOutlined />}
              href={xlsxHref('/api/visits/summary.xlsx', { campaignId: campaign.data.id, villageId })}
              data-testid="summary-export"
            >
              {t('visits.summary.export')}
            </Button>
            {canSubmit && !locked ? (
              <Popconfirm
                title={t('visits.summary.submitTitle')}
                description={t('visits.summary.submitConfirm')}
                onConfirm={submit}
                okButtonProps={{ 'data-testid': 'summary-submit-ok' } as Record<`data-${string}`, string>}
              >
                <Button type="primary" icon={<SendOutlined />} loading={action.isPending} data-testid="summary-submit">
                  {t('visits.summary.submit')}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
        </Flex>
        {locked && s.submittedAt ? (
          <Alert
            type="success"
            icon={<LockOutlined />}
            showIcon
            title={t('visits.summary.submittedAt', { time: formatDateTime(s.submittedAt) })}
            style={{ marginTop: 8 }}
            data-testid="summary-locked"
          />
        ) : null}
        {!locked && s.reopenedAt ? (
          <Alert
            type="warning"
            showIcon
            title={t('visits.summary.reopened', { time: formatDateTime(s.reopenedAt), reason: s.reopenReason ?? '' })}
            style={{ marginTop: 8 }}
          />
        ) : null}
      </Card>
      <Card size="small" styles={{ body: { padding: 12 } }}>
        {locked && s.submitted ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('visits.summary.lockedData')}
          </Typography.Paragraph>
        ) : null}
        <SummaryView summary={locked && s.submitted ? s.submitted : s.live} />
      </Card>
    </div>
  );
}
