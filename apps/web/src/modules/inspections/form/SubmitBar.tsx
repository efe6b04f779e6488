import { Button, Card, Flex, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubmitResult } from '../api';

/** Below a checklist: the count so far, a general note, 提交. */
export function SubmitBar({
  done,
  total,
  failed,
  note,
  onNote,
  onSubmit,
  loading,
}: {
  done: number;
  total: number;
  failed: number;
  note: string;
  onNote: (note: string) => void;
  onSubmit: () => void;
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" styles={{ body: { padding: 12 } }}>
      <Flex vertical gap={8}>
        <Input.TextArea
          value={note}
          onChange={(e) => onNote(e.target.value)}
          placeholder={t('inspections.generalNote')}
          aria-label={t('inspections.generalNote')}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={500}
        />
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type={failed ? 'danger' : 'secondary'} data-testid="tally">
            {t('inspections.answered', { done, total, failed })}
          </Typography.Text>
          <Button type="primary" onClick={onSubmit} loading={loading} data-testid="inspection-submit">
            {t('inspections.submit')}
          </Button>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('inspections.retryHint')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** What a submitted inspection found, with the way to its problems. */
export function SubmitDone({
  result,
  problemsHref,
  onAgain,
  againText,
}: {
  result: SubmitResult;
  problemsHref: string;
  onAgain: () => void;
  againText: string;
}) {
  const { t } = useTranslation();
  const title = result.duplicate
    ? t('inspections.duplicate')
    : result.problems
      ? t('inspections.submitted', { problems: result.problems })
      : t('inspections.submittedNone');
  return (
    <Result
      status={result.problems ? 'warning' : 'success'}
      title={title}
      data-testid="inspection-done"
      extra={[
        result.problems ? (
          <Link key="problems" to={problemsHref}>
            <Button type="primary" data-testid="view-problems">
              {t('inspections.viewProblems')}
            </Button>
          </Link>
        ) : null,
        <Button key="again" onClick={onAgain}>
          {againText}
        </Button>,
      ]}
    />
  );
}
