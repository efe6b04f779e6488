import { Alert, Flex, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import type { RosterResult } from './roster-api';

/** What the import did: the four counts in one sentence. */
export function RosterSummary({ result }: { result: RosterResult }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      title={t('users.roster.doneTitle', { rows: result.rows })}
      description={
        <Flex vertical gap={4}>
          <Typography.Text data-testid="roster-summary-counts">
            {t('users.roster.summary', {
              created: result.created,
              updated: result.updated,
              workUnits: result.workUnitsCreated,
              pairings: result.pairingsAdded,
            })}
          </Typography.Text>
          {result.workUnitsCreated > 0 ? (
            <Typography.Text type="secondary">{t('users.roster.workUnitsHint')}</Typography.Text>
          ) : null}
        </Flex>
      }
      data-testid="roster-summary"
    />
  );
}

/**
 * The refusal and every error line the server found (never only the first): a clerk corrects
 * them all in Excel before the next try. The list scrolls inside the dialog.
 */
export function RosterErrors({ refusal }: { refusal: ApiError }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // On a phone the list starts below the form: bring it into sight when a refusal arrives.
  useEffect(() => {
    if (refusal) box.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [refusal]);
  return (
    <div ref={box}>
      <Alert
        type="error"
        showIcon
        title={refusal.message}
        description={
          <Flex vertical gap={4}>
            <Typography.Text>{t('users.roster.errorsHelp')}</Typography.Text>
            <ol
              style={{ maxHeight: 240, overflowY: 'auto', margin: 0, paddingInlineStart: 20, overflowWrap: 'anywhere' }}
              data-testid="roster-error-lines"
            >
              {refusal.lines.map((line, i) => (
                // The same text may come twice (two cells alike); the position keeps keys apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
                <li key={i}>{line}</li>
              ))}
            </ol>
          </Flex>
        }
        data-testid="roster-errors"
      />
    </div>
  );
}
