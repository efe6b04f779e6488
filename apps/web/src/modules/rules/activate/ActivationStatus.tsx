import { Alert, Button, Card, Flex, Progress, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useJob } from '../api';
import type { RuleSetVersion } from '../model';

/** Where a page remembers the activation job it started, so a reload keeps showing its progress. */
const storageKey = (setId: string) => `fupin.rules.activation.${setId}`;

export function rememberJob(setId: string, jobId: string): void {
  try {
    sessionStorage.setItem(storageKey(setId), jobId);
  } catch {
    // private mode: the progress shows until the page is left
  }
}

export function rememberedJob(setId: string): string | null {
  try {
    return sessionStorage.getItem(storageKey(setId));
  } catch {
    return null;
  }
}

/**
 * The activation of a version: a progress bar while the job recomputes every household's flags,
 * then the result (the version now active), or the failure. Without the job (another device
 * started it) the page says the version is being activated and refreshes when it is done.
 */
export function ActivationStatus({ set, jobId }: { set: RuleSetVersion; jobId: string | null }) {
  const { t } = useTranslation();
  const job = useJob(jobId);
  const data = job.data;

  if (!data) {
    if (set.status !== 'activating') return null;
    return (
      <Alert
        type="info"
        showIcon
        icon={<Spin size="small" />}
        title={t('rules.activate.waiting')}
        data-testid="activation-waiting"
      />
    );
  }
  if (data.status === 'failed') {
    return (
      <Alert type="error" showIcon title={t('rules.activate.failed')} description={data.error} data-testid="activation-failed" />
    );
  }
  if (data.status === 'running' || set.status === 'activating') {
    const percent = data.total > 0 ? Math.floor((data.done / data.total) * 100) : 0;
    return (
      <Card data-testid="activation-progress">
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('rules.activate.running')}</Typography.Text>
          <Progress percent={percent} status="active" />
          {data.total > 0 ? (
            <Typography.Text type="secondary" data-testid="activation-count">
              {t('rules.activate.progress', { done: data.done, total: data.total })}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
    );
  }
  return (
    <Result
      status="success"
      title={t('rules.activate.done')}
      subTitle={t('rules.activate.doneText', {
        year: set.year,
        version: set.version,
        households: data.detail?.households ?? data.total,
        flags: data.detail?.flags ?? 0,
      })}
      extra={
        <Link to="/registry">
          <Button type="primary">{t('rules.activate.viewRegistry')}</Button>
        </Link>
      }
      style={{ background: '#fff', borderRadius: 8, padding: '24px 16px' }}
      data-testid="activation-done"
    />
  );
}
