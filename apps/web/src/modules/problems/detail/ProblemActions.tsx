import { Alert, App, Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../api/use-report-error';
import { type ProblemDetail, useEscalate, useTransition } from '../api';
import { AssignModal } from './AssignModal';
import { NoteModal } from './NoteModal';

type Dialog = 'submit' | 'send_back' | 'reopen' | 'escalate' | 'assign' | null;

interface Props {
  d: ProblemDetail;
  meId: string | undefined;
  /** the township and its villages, for 交办 */
  units: { id: string; name: string }[];
  /** whether the reader rectifies problems somewhere (so a township problem gets a word why not here) */
  rectifiesSomewhere: boolean;
  compact: boolean;
}

/**
 * The buttons the server says the reader may press now (`actions`), 上报镇级 for the village's own
 * rectifiers, 交办 for the township office; and a word on why a step is not offered yet.
 */
export function ProblemActions({ d, meId, units, rectifiesSomewhere, compact }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const move = useTransition();
  const escalate = useEscalate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const p = d.problem;
  const has = (a: string) => d.actions.includes(a as never);
  const act = (
    action: 'start' | 'submit' | 'verify' | 'send_back' | 'reopen',
    extra: { note?: string; measures?: string } = {},
  ) =>
    move.mutate(
      { id: p.id, action, version: p.version, note: extra.note ?? null, measures: extra.measures ?? null },
      {
        onSuccess: () => {
          void message.success(t(`problems.done.${action}`));
          setDialog(null);
        },
        onError: (e) => report(e),
      },
    );

  const canEscalate = d.canRectify && p.level === 'village' && ['open', 'in_rectification', 'reopened'].includes(p.status);
  const canAssign = d.canManage && p.status !== 'closed';
  const waitsForEvidence = d.canRectify && ['open', 'in_rectification', 'reopened'].includes(p.status) && d.evidence.length === 0;
  const ownSubmission = p.status === 'submitted' && p.submittedBy === meId;
  const hints = [
    waitsForEvidence ? t('problems.needsEvidence') : null,
    ownSubmission ? t('problems.sameOwnNote') : null,
    !d.canRectify && p.level === 'township' && rectifiesSomewhere ? t('problems.townshipOnly') : null,
  ].filter((h): h is string => h !== null);
  const nothing = d.actions.length === 0 && !canEscalate && !canAssign;
  // A closed problem with nothing to do needs no words: its status says it.
  if (nothing && hints.length === 0 && p.status === 'closed') return null;

  return (
    <Card size="small" styles={{ body: { padding: compact ? 8 : 12 } }}>
      <Flex vertical gap={8} data-testid="problem-actions">
        <Flex wrap gap={8}>
          {has('start') ? (
            <Button onClick={() => act('start')} loading={move.isPending} data-testid="action-start">
              {t('problems.actions.start')}
            </Button>
          ) : null}
          {has('submit') ? (
            <Button type="primary" onClick={() => setDialog('submit')} data-testid="action-submit">
              {t('problems.actions.submit')}
            </Button>
          ) : null}
          {has('verify') ? (
            <Button
              type="primary"
              data-testid="action-verify"
              onClick={() =>
                modal.confirm({
                  title: t('problems.actions.verify'),
                  content: t('problems.verifyConfirm'),
                  okText: t('problems.actions.verify'),
                  okButtonProps: { 'data-testid': 'verify-ok' },
                  onOk: () => act('verify'),
                })
              }
            >
              {t('problems.actions.verify')}
            </Button>
          ) : null}
          {has('send_back') ? (
            <Button danger onClick={() => setDialog('send_back')} data-testid="action-send_back">
              {t('problems.actions.send_back')}
            </Button>
          ) : null}
          {has('reopen') ? (
            <Button danger onClick={() => setDialog('reopen')} data-testid="action-reopen">
              {t('problems.actions.reopen')}
            </Button>
          ) : null}
          {canEscalate ? (
            <Button onClick={() => setDialog('escalate')} data-testid="action-escalate">
              {t('problems.actions.escalate')}
            </Button>
          ) : null}
          {canAssign ? (
            <Button onClick={() => setDialog('assign')} data-testid="action-assign">
              {t('problems.actions.assign')}
            </Button>
          ) : null}
        </Flex>
        {hints.map((h) => (
          <Alert key={h} type="info" showIcon title={h} />
        ))}
        {nothing && hints.length === 0 ? <Alert type="info" showIcon title={t('problems.noActions')} /> : null}

        {dialog === 'submit' ? (
          <NoteModal
            title={t('problems.submitTitle')}
            label={t('problems.measures')}
            help={t('problems.submitHelp')}
            required
            requiredMessage={t('problems.measuresRequired')}
            maxLength={500}
            initial={p.measures ?? ''}
            loading={move.isPending}
            okText={t('problems.actions.submit')}
            onOk={(measures) => act('submit', { measures })}
            onClose={() => setDialog(null)}
            testId="submit-modal"
          />
        ) : null}
        {dialog === 'send_back' || dialog === 'reopen' ? (
          <NoteModal
            title={dialog === 'reopen' ? t('problems.reopenTitle') : t('problems.sendBackTitle')}
            label={t('problems.reason')}
            required
            danger
            loading={move.isPending}
            okText={t(`problems.actions.${dialog}`)}
            onOk={(note) => act(dialog, { note })}
            onClose={() => setDialog(null)}
            testId={`${dialog}-modal`}
          />
        ) : null}
        {dialog === 'escalate' ? (
          <NoteModal
            title={t('problems.escalateTitle')}
            label={t('problems.reason')}
            help={t('problems.escalateHelp')}
            required
            loading={escalate.isPending}
            okText={t('problems.actions.escalate')}
            onOk={(reason) =>
              escalate.mutate(
                { id: p.id, reason },
                {
                  onSuccess: () => {
                    void message.success(t('problems.done.escalate'));
                    setDialog(null);
                  },
                  onError: (e) => report(e),
                },
              )
            }
            onClose={() => setDialog(null)}
            testId="escalate-modal"
          />
        ) : null}
        {dialog === 'assign' ? <AssignModal p={p} units={units} onClose={() => setDialog(null)} /> : null}
      </Flex>
    </Card>
  );
}
