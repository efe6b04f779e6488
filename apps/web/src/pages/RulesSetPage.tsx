import { ArrowLeftOutlined, CopyOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useReportError } from '../api/use-report-error';
import { ActivationStatus, rememberedJob } from '../modules/rules/activate/ActivationStatus';
import { DraftActions } from '../modules/rules/activate/DraftActions';
import { PreviewPanel } from '../modules/rules/activate/PreviewPanel';
import { usePreview, useRuleSet } from '../modules/rules/api';
import { useRulesPlace } from '../modules/rules/context';
import type { RuleSetVersion } from '../modules/rules/model';
import { StatusTag } from '../modules/rules/tags';
import { NewDraftModal } from '../modules/rules/view/NewDraftModal';
import { RuleSetView } from '../modules/rules/view/RuleSetView';
import { FullPageSpin } from '../ui/FullPageSpin';
import { formatDateTime } from '../ui/format';
import { QueryError } from '../ui/QueryError';
import { useIsMobile } from '../ui/use-is-mobile';

function SetView({ set }: { set: RuleSetVersion }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const location = useLocation();
  const report = useReportError();
  const place = useRulesPlace();
  const canManage = place.mayManage(set.townshipId);
  const preview = usePreview();
  const [copying, setCopying] = useState(false);
  const [jobId, setJobId] = useState<string | null>(() => (set.status === 'activating' ? rememberedJob(set.id) : null));
  const runPreview = () => preview.mutate(set.id, { onError: (err) => report(err) });
  const wantsPreview = (location.state as { preview?: boolean } | null)?.preview === true;

  // Coming from the editor's 预览影响: the preview starts at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per arrival
  useEffect(() => {
    if (wantsPreview && set.status === 'draft' && canManage) runPreview();
  }, [wantsPreview]);

  const meta = [
    `${t('rules.createdBy')}：${set.createdBy ?? t('audit.system')}`,
    `${t('rules.updatedAt')}：${formatDateTime(set.updatedAt)}`,
    set.activatedAt ? `${t('rules.activatedAt')}：${formatDateTime(set.activatedAt)}` : null,
  ].filter(Boolean);
  const pad = { body: { padding: mobile ? 12 : 16 } };

  return (
    <Flex vertical gap={16}>
      <Card styles={pad} data-testid="rule-set-header">
        <Flex vertical gap={8}>
          <Link to="/rules" style={{ alignSelf: 'flex-start' }}>
            <ArrowLeftOutlined /> {t('rules.backToList')}
          </Link>
          <Flex justify="space-between" align="flex-start" wrap gap={8}>
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Flex gap={8} align="center" wrap>
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="rule-set-title">
                  {t('rules.setTitle', { year: set.year, version: set.version })}
                </Typography.Title>
                <StatusTag status={set.status} />
              </Flex>
              {set.note ? <Typography.Text style={{ wordBreak: 'break-word' }}>{set.note}</Typography.Text> : null}
              <Typography.Text type="secondary">{meta.join(' · ')}</Typography.Text>
            </Flex>
            {canManage ? (
              <Flex gap={8} wrap>
                {set.status === 'draft' ? (
                  <DraftActions set={set} onPreview={runPreview} previewing={preview.isPending} onActivated={setJobId} />
                ) : null}
                <Button icon={<CopyOutlined />} onClick={() => setCopying(true)} data-testid="new-from-this">
                  {t('rules.create.fromThis')}
                </Button>
              </Flex>
            ) : null}
          </Flex>
        </Flex>
      </Card>
      <ActivationStatus set={set} jobId={jobId} />
      {preview.data && set.status === 'draft' ? (
        <Card title={t('rules.preview.title')} styles={pad}>
          <PreviewPanel preview={preview.data} compact={mobile} />
        </Card>
      ) : null}
      <RuleSetView definition={set.definition} />
      {copying ? (
        <NewDraftModal
          source={{ kind: 'copy', definition: set.definition }}
          townshipId={set.townshipId}
          onClose={() => setCopying(false)}
        />
      ) : null}
    </Flex>
  );
}

/** /rules/:id one version, read-only; a draft's page also previews its impact and activates it. */
export function RulesSetPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const set = useRuleSet(id);
  if (set.error) {
    const missing = set.error instanceof ApiError && (set.error.status === 404 || set.error.status === 400);
    if (!missing) return <QueryError error={set.error} onRetry={() => void set.refetch()} />;
    return (
      <Result
        status="404"
        title={t('errors.notFoundTitle')}
        subTitle={t('rules.notFound')}
        extra={
          <Link to="/rules">
            <Button type="primary">{t('rules.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!set.data) return <FullPageSpin fullHeight={false} />;
  return <SetView set={set.data} />;
}
