import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Popconfirm, Progress, Result, Row, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReportError } from '../../../api/use-report-error';
import { QueryError } from '../../../ui/QueryError';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { type ImportCounts, type ImportJob, isBusy, useCommitImport, useImportJob } from '../import-api';
import { ImportErrors } from './ImportErrors';

function Counts({ counts }: { counts: ImportCounts }) {
  const { t } = useTranslation();
  const rows = [
    ['households', counts.householdsNew, counts.householdsChanged, counts.householdsUnchanged],
    ['members', counts.membersNew, counts.membersChanged, counts.membersUnchanged],
  ] as const;
  return (
    <Flex vertical gap={12} data-testid="import-counts">
      {rows.map(([what, added, changed, same]) => (
        <Card key={what} size="small" title={t(`registry.importPage.${what}`)} styles={{ body: { padding: 12 } }}>
          <Row gutter={8}>
            <Col span={8}>
              <Statistic title={t('registry.importPage.new')} value={added} styles={{ content: { color: '#389e0d' } }} />
            </Col>
            <Col span={8}>
              <Statistic title={t('registry.importPage.changed')} value={changed} styles={{ content: { color: '#d46b08' } }} />
            </Col>
            <Col span={8}>
              <Statistic title={t('registry.importPage.unchanged')} value={same} />
            </Col>
          </Row>
        </Card>
      ))}
    </Flex>
  );
}

function Checked({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const commit = useCommitImport();
  const report = useReportError();
  return (
    <Flex vertical gap={12} data-testid="import-preview">
      <Alert
        type="success"
        showIcon
        title={t('registry.importPage.checkedTitle')}
        description={t('registry.importPage.checkedText', {
          file: job.fileName,
          households: job.counts?.householdRows ?? 0,
          members: job.counts?.memberRows ?? 0,
        })}
      />
      {job.counts ? <Counts counts={job.counts} /> : null}
      <Popconfirm
        title={t('registry.importPage.commitConfirm')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onConfirm={() => commit.mutate(job.id, { onError: (err) => report(err) })}
      >
        <Button
          type="primary"
          size="large"
          icon={<CheckCircleOutlined />}
          loading={commit.isPending}
          style={{ alignSelf: 'flex-start' }}
          data-testid="import-commit"
        >
          {t('registry.importPage.commit')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}

/** Step 3 and 4: progress while the server reads, then errors, the preview to confirm, or the result. */
export function ImportJobPanel({ id, listHref, onAgain }: { id: string; listHref: string; onAgain: () => void }) {
  const { t } = useTranslation();
  const query = useImportJob(id);
  const compact = useIsMobile();
  const job = query.data;
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!job) return <Spin />;

  if (isBusy(job.status)) {
    return (
      <Flex vertical align="center" gap={12} style={{ padding: 24 }} data-testid="import-progress">
        <Spin size="large" />
        <Typography.Text strong>
          {job.status === 'reading' ? t('registry.importPage.reading') : t('registry.importPage.committing')}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="import-rows-read">
          {t('registry.importPage.rowsRead', { count: job.rowsRead })}
        </Typography.Text>
        <Progress percent={100} status="active" showInfo={false} style={{ maxWidth: 320 }} />
      </Flex>
    );
  }
  if (job.status === 'invalid') return <ImportErrors job={job} compact={compact} />;
  if (job.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('registry.importPage.failedTitle')}
        description={job.failure}
        data-testid="import-failed"
      />
    );
  }
  if (job.status === 'checked') return <Checked job={job} />;
  const c = job.counts;
  return (
    <Result
      status="success"
      title={t('registry.importPage.committedTitle')}
      subTitle={t('registry.importPage.committedText', {
        hNew: c?.householdsNew ?? 0,
        hChanged: c?.householdsChanged ?? 0,
        mNew: c?.membersNew ?? 0,
        mChanged: c?.membersChanged ?? 0,
      })}
      extra={[
        <Link key="list" to={listHref}>
          <Button type="primary" data-testid="import-view-list">
            {t('registry.importPage.viewList')}
          </Button>
        </Link>,
        <Button key="again" onClick={onAgain}>
          {t('registry.importPage.again')}
        </Button>,
      ]}
      data-testid="import-committed"
    />
  );
}
