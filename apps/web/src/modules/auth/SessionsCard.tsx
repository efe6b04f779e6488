import { App, Button, Card, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useReportError } from '../../api/use-report-error';
import { formatDateTime } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { type LiveSession, useEndSession, useMySessions } from './api';
import { describeUserAgent } from './user-agent';

/** One's own live logins, the current one marked, each of which can be ended. */
export function SessionsCard() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  const end = useEndSession();
  const report = useReportError();
  const { message } = App.useApp();
  const navigate = useNavigate();

  const onEnd = (s: LiveSession) =>
    end.mutate(s.id, {
      onSuccess: () => {
        void message.success(t('account.ended'));
        if (s.current) void navigate('/login', { replace: true });
      },
      onError: (err) => report(err),
    });

  const columns: TableColumnsType<LiveSession> = [
    {
      title: t('account.device'),
      key: 'device',
      render: (_, s) => (
        <span>
          {describeUserAgent(s.userAgent) ?? t('account.unknownDevice')}
          {s.current ? (
            <Tag color="green" style={{ marginInlineStart: 8 }}>
              {t('account.current')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    { title: 'IP', dataIndex: 'ip', render: (ip: string | null) => ip ?? t('common.none') },
    { title: t('account.signedInAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('account.lastSeen'), dataIndex: 'lastSeenAt', render: formatDateTime },
    { title: t('account.expiresAt'), dataIndex: 'expiresAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) => (
        <Popconfirm
          title={s.current ? t('account.endCurrentConfirm') : t('account.endConfirm')}
          onConfirm={() => onEnd(s)}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
        >
          <Button danger loading={end.isPending && end.variables === s.id}>
            {t('account.endSession')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title={t('account.sessions')}>
      <Typography.Paragraph type="secondary">{t('account.sessionsHint')}</Typography.Paragraph>
      {sessions.error ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={sessions.data ?? []}
          loading={sessions.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}
    </Card>
  );
}
