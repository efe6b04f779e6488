import { crosscheckBody, describeFieldError, issueToFieldError } from '@fupin/domain';
import { App, Button, Card, Empty, Flex, Input, Radio, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { newId } from '../../../api/client';
import { useReportError } from '../../../api/use-report-error';
import { useLang } from '../../../i18n';
import { QueryError } from '../../../ui/QueryError';
import { useProblemList } from '../../problems/api';
import { useProblemLabels } from '../../problems/labels';
import { type SubmitResult, useSubmitCrosscheck } from '../api';
import { CHOSEN } from '../form/choice-styles';
import { type Finding, FindingsEditor } from './FindingsEditor';

type Review = { decision: 'confirm' | 'reopen' | null; note: string };

/** One village's cross-check: its closed problems confirmed or reopened, and what is found anew. */
export function CrosscheckForm({ campaignId, villageId }: { campaignId: string; villageId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = useProblemLabels();
  const { message } = App.useApp();
  const report = useReportError();
  const closed = useProblemList({ villageId, status: 'closed', limit: 500, offset: 0 });
  const send = useSubmitCrosscheck();
  const [id] = useState(newId);
  const [reviews, setReviews] = useState<Record<string, Review>>({});
  const [findings, setFindings] = useState<Finding[]>([]);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<SubmitResult | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const review = (pid: string) => reviews[pid] ?? { decision: null, note: '' };
  const set = (pid: string, patch: Partial<Review>) => {
    setReviews((r) => ({ ...r, [pid]: { ...review(pid), ...patch } }));
    setMissing((m) => m.filter((x) => x !== pid));
  };
  const decided = Object.entries(reviews).filter(([, r]) => r.decision !== null);

  if (done)
    return (
      <Result
        status="success"
        title={t('inspections.crosscheck.submitted', { reopened: done.reopened, problems: done.problems })}
        extra={
          <Link to={`/problems?village=${villageId}`}>
            <Button type="primary">{t('inspections.viewProblems')}</Button>
          </Link>
        }
        data-testid="crosscheck-done"
      />
    );

  const submit = () => {
    const noReason = decided.filter(([, r]) => r.decision === 'reopen' && r.note.trim().length < 2).map(([pid]) => pid);
    setMissing(noReason);
    if (noReason.length) return void message.error(t('inspections.crosscheck.reasonRequired'));
    if (findings.some((f) => !f.category || f.description.trim().length < 2))
      return void message.error(t('inspections.crosscheck.findingIncomplete'));
    if (decided.length === 0 && findings.length === 0) return void message.error(t('inspections.crosscheck.nothing'));
    const parsed = crosscheckBody.safeParse({
      id,
      campaignId,
      villageId,
      inspectedAt: new Date().toISOString(),
      reviews: decided.map(([problemId, r]) => ({ problemId, confirmed: r.decision === 'confirm', note: r.note.trim() || null })),
      findings: findings.map((f) => ({ category: f.category, description: f.description.trim(), householdId: f.householdId })),
      note: note.trim() || null,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      if (issue) void message.error(describeFieldError(lang, issueToFieldError({ ...issue, path: issue.path as PropertyKey[] })));
      return;
    }
    send.mutate(parsed.data, { onSuccess: setDone, onError: (e) => report(e) });
  };

  const count = (d: 'confirm' | 'reopen') => decided.filter(([, r]) => r.decision === d).length;
  return (
    <Flex vertical gap={12} data-testid="crosscheck-form">
      <Card size="small" title={t('inspections.crosscheck.closedTitle')} styles={{ body: { padding: 12 } }}>
        {closed.error ? <QueryError error={closed.error} onRetry={() => void closed.refetch()} /> : null}
        {closed.isPending ? <Spin /> : null}
        {closed.data?.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.crosscheck.noClosed')} />
        ) : null}
        <Flex vertical gap={8}>
          {(closed.data?.items ?? []).map((p) => {
            const r = review(p.id);
            return (
              <Card
                key={p.id}
                size="small"
                styles={{ body: { padding: 10 } }}
                style={{ borderColor: missing.includes(p.id) ? '#ff4d4f' : undefined }}
                data-testid="review"
              >
                <Flex vertical gap={6}>
                  <Link to={`/problems/${p.id}`} style={{ wordBreak: 'break-word' }}>
                    {p.description}
                  </Link>
                  <Typography.Text type="secondary">
                    {labels.category(p.category)} · {labels.source(p.source)}
                    {p.headName ? ` · ${p.headName}` : ''}
                  </Typography.Text>
                  <Radio.Group
                    value={r.decision ?? undefined}
                    onChange={(e) => set(p.id, { decision: e.target.value })}
                    optionType="button"
                    buttonStyle="solid"
                    data-testid="review-decision"
                  >
                    <Radio.Button value="confirm" style={r.decision === 'confirm' ? CHOSEN.good : undefined}>
                      {t('inspections.crosscheck.confirm')}
                    </Radio.Button>
                    <Radio.Button value="reopen" style={r.decision === 'reopen' ? CHOSEN.bad : undefined}>
                      {t('inspections.crosscheck.reopen')}
                    </Radio.Button>
                  </Radio.Group>
                  {r.decision ? (
                    <Input
                      value={r.note}
                      onChange={(e) => set(p.id, { note: e.target.value })}
                      placeholder={
                        r.decision === 'reopen'
                          ? t('inspections.crosscheck.reasonPlaceholder')
                          : t('inspections.crosscheck.notePlaceholder')
                      }
                      aria-label={t('problems.reason')}
                      status={missing.includes(p.id) ? 'error' : undefined}
                      maxLength={300}
                      data-testid="review-note"
                    />
                  ) : null}
                </Flex>
              </Card>
            );
          })}
        </Flex>
      </Card>
      <Card size="small" title={t('inspections.crosscheck.findings')} styles={{ body: { padding: 12 } }}>
        <FindingsEditor value={findings} onChange={setFindings} villageId={villageId} />
      </Card>
      <Card size="small" styles={{ body: { padding: 12 } }}>
        <Flex vertical gap={8}>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('inspections.generalNote')}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={500}
          />
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Text type="secondary">
              {t('inspections.crosscheck.summary', {
                confirmed: count('confirm'),
                reopened: count('reopen'),
                found: findings.length,
              })}
            </Typography.Text>
            <Button type="primary" onClick={submit} loading={send.isPending} data-testid="crosscheck-submit">
              {t('inspections.crosscheck.submit')}
            </Button>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('inspections.retryHint')}
          </Typography.Text>
        </Flex>
      </Card>
    </Flex>
  );
}
