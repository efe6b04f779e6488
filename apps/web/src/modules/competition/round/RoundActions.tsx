import {
  CheckCircleOutlined,
  FileTextOutlined,
  LockOutlined,
  RollbackOutlined,
  SendOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import type { RoundAction } from '@fupin/domain';
import { App, Button, Popconfirm } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client';
import { useReportError } from '../../../api/use-report-error';
import { NoteModal } from '../../problems/detail/NoteModal';
import { type RoundDetail, useRoundAction } from '../api';

/** A refusal the office must read: the server's message and, for closing, every missing sheet. */
export interface Refusal {
  action: RoundAction;
  message: string;
  items: string[];
}

/**
 * The round's moves for the office, as its status allows: 结束评分 → 发布通报 → 确认排名, with
 * 退回评分 and 撤回通报 asking a reason. A refusal (sheets missing, the publicity period not over)
 * is handed up to be shown in full; anything else is a toast.
 */
export function RoundActions({ detail, onRefused }: { detail: RoundDetail; onRefused: (r: Refusal | null) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const act = useRoundAction(detail.round.id);
  const [asking, setAsking] = useState<'reopen' | 'withdraw' | null>(null);
  const { round, viewer } = detail;
  const published = round.status === 'published' || round.status === 'final';

  const run = (action: RoundAction, reason?: string) => {
    onRefused(null);
    act.mutate(
      { action, ...(reason === undefined ? {} : { reason }) },
      {
        onSuccess: (d) => {
          setAsking(null);
          const p = d.round.publicity;
          const done: Record<RoundAction, string> = {
            close: t('competition.actions.closed'),
            reopen: t('competition.actions.reopened'),
            publish: t('competition.actions.published', { start: p?.start ?? '', end: p?.end ?? '' }),
            withdraw: t('competition.actions.withdrawn'),
            finalise: t('competition.actions.final'),
          };
          void message.success(done[action]);
        },
        onError: (e) => {
          if (e instanceof ApiError && (e.status === 409 || e.status === 400) && e.code !== 'VALIDATION_FAILED') {
            setAsking(null);
            onRefused({ action, message: e.message, items: e.fields.map((f) => f.message) });
          } else report(e);
        },
      },
    );
  };

  const confirm = (action: RoundAction, text: string, label: string, icon: ReactNode, primary = true) => (
    <Popconfirm
      title={text}
      onConfirm={() => run(action)}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': `action-${action}-ok` }}
    >
      <Button type={primary ? 'primary' : 'default'} icon={icon} loading={act.isPending} data-testid={`action-${action}`}>
        {label}
      </Button>
    </Popconfirm>
  );

  const buttons: ReactNode[] = [];
  if (viewer.canManage) {
    if (round.status === 'scoring')
      buttons.push(confirm('close', t('competition.actions.closeConfirm'), t('competition.actions.close'), <LockOutlined />));
    if (round.status === 'closed') {
      buttons.push(
        <Button key="reopen" icon={<UndoOutlined />} onClick={() => setAsking('reopen')} data-testid="action-reopen">
          {t('competition.actions.reopen')}
        </Button>,
        confirm('publish', t('competition.actions.publishConfirm'), t('competition.actions.publish'), <SendOutlined />),
      );
    }
    if (round.status === 'published')
      buttons.push(
        <Button
          key="withdraw"
          danger
          icon={<RollbackOutlined />}
          onClick={() => setAsking('withdraw')}
          data-testid="action-withdraw"
        >
          {t('competition.actions.withdraw')}
        </Button>,
        confirm('finalise', t('competition.actions.finaliseConfirm'), t('competition.actions.finalise'), <CheckCircleOutlined />),
      );
  }
  if (published)
    buttons.push(
      <Link key="bulletin" to={`/competition/rounds/${round.id}/bulletin`}>
        <Button icon={<FileTextOutlined />} data-testid="open-bulletin">
          {t('competition.actions.bulletin')}
        </Button>
      </Link>,
    );

  return (
    <>
      {buttons.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per status
        <span key={i}>{b}</span>
      ))}
      {asking ? (
        <NoteModal
          title={t(`competition.actions.${asking}Title`)}
          help={t(`competition.actions.${asking}Help`)}
          label={t('competition.actions.reason')}
          required
          requiredMessage={t('competition.sample.reasonRequired')}
          loading={act.isPending}
          okText={t(`competition.actions.${asking}`)}
          danger={asking === 'withdraw'}
          onOk={(reason) => run(asking, reason)}
          onClose={() => setAsking(null)}
          testId={`${asking}-modal`}
        />
      ) : null}
    </>
  );
}
