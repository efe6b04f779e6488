/** Online or not, how many forms wait (待上传 N), 立即同步, and each form kept on the phone with its state. */
import { CloudOutlined, DisconnectOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Collapse, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format';
import { type OutboxEntry, visitDb } from '../offline/db';
import { discard, retry, waitingOf } from '../offline/queue';
import { syncNow } from '../offline/sync';

const STATE_COLORS = { pending: 'blue', sending: 'processing', sent: 'success', failed: 'error' } as const;

function EntryRow({ entry, userId }: { entry: OutboxEntry; userId: string }) {
  const { t } = useTranslation();
  const a = entry.answer;
  return (
    <List.Item style={{ paddingInline: 0 }} data-testid="outbox-entry" data-state={entry.state}>
      <Flex vertical gap={2} style={{ width: '100%' }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong>{entry.headName}</Typography.Text>
          <Tag color={STATE_COLORS[entry.state]} style={{ marginInlineEnd: 0 }}>
            {t(`visits.sync.states.${entry.state}`)}
          </Tag>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('visits.sync.visitedAt', { time: formatDateTime(entry.form.visitedAt) })}
          {entry.sentAt ? ` · ${t('visits.sync.sentAt', { time: formatDateTime(entry.sentAt) })}` : ''}
        </Typography.Text>
        {entry.state === 'failed' ? (
          <>
            <Typography.Text type="danger">{t('visits.sync.failedReason', { reason: entry.error ?? '' })}</Typography.Text>
            <Flex gap={8}>
              <Button size="small" onClick={() => void retry(visitDb(), entry.id).then(() => syncNow(userId))}>
                {t('visits.sync.retry')}
              </Button>
              <Popconfirm title={t('visits.sync.discardConfirm')} onConfirm={() => void discard(visitDb(), entry.id)}>
                <Button size="small" danger>
                  {t('visits.sync.discard')}
                </Button>
              </Popconfirm>
            </Flex>
          </>
        ) : null}
        {entry.state === 'pending' && entry.error ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('visits.sync.lastError', { reason: entry.error })}
          </Typography.Text>
        ) : null}
        {a ? (
          <Flex gap={8} wrap align="center" style={{ fontSize: 13 }}>
            <span>{t('visits.sync.problems', { count: a.problems })}</span>
            <span>{t('visits.sync.discrepancies', { count: a.discrepancies })}</span>
            <Link to={`/visits/record/${a.visitId}`}>{t('visits.viewRecord')}</Link>
          </Flex>
        ) : null}
        {a?.stale ? <Alert type="warning" showIcon title={t('visits.sync.stale')} style={{ marginTop: 4 }} /> : null}
      </Flex>
    </List.Item>
  );
}

export function SyncPanel({ userId, online, entries }: { userId: string; online: boolean; entries: OutboxEntry[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [needLogin, setNeedLogin] = useState(false);
  const waiting = waitingOf(entries).length;

  const sync = async () => {
    setBusy(true);
    try {
      const report = await syncNow(userId);
      setNeedLogin(report.stopped === 'auth');
      if (report.sent.length) void message.success(t('visits.sync.sentCount', { count: report.sent.length }));
      if (report.failed.length) void message.error(t('visits.sync.failedCount', { count: report.failed.length }));
      if (report.stopped === 'offline') void message.warning(t('visits.sync.offlineNow'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      styles={{ body: { padding: 12 } }}
      data-testid="sync-panel"
      data-online={online}
    >
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex align="center" gap={8}>
          {online ? (
            <Tag icon={<CloudOutlined />} color="success" data-testid="net-state">
              {t('visits.sync.online')}
            </Tag>
          ) : (
            <Tag icon={<DisconnectOutlined />} color="default" data-testid="net-state">
              {t('visits.sync.offline')}
            </Tag>
          )}
          <Badge count={waiting} showZero={false} offset={[6, 0]}>
            <Typography.Text strong data-testid="sync-waiting" data-count={waiting}>
              {waiting ? t('visits.sync.waiting', { count: waiting }) : t('visits.sync.allSent')}
            </Typography.Text>
          </Badge>
        </Flex>
        <Button icon={<SyncOutlined spin={busy} />} onClick={() => void sync()} disabled={!online || busy} data-testid="sync-now">
          {busy ? t('visits.sync.syncing') : t('visits.sync.syncNow')}
        </Button>
      </Flex>
      {online ? null : (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
          {t('visits.sync.offlineHint')}
        </Typography.Paragraph>
      )}
      {needLogin ? (
        <Alert
          type="warning"
          showIcon
          title={t('visits.sync.needLogin')}
          action={<Link to="/login?next=/visits">{t('login.submit')}</Link>}
          style={{ marginTop: 8 }}
        />
      ) : null}
      {entries.length ? (
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 4 }}
          defaultActiveKey={waiting || entries.some((e) => e.state === 'failed') ? ['list'] : []}
          items={[
            {
              key: 'list',
              label: t('visits.sync.list', { count: entries.length }),
              children: (
                <List
                  size="small"
                  dataSource={[...entries].reverse()}
                  renderItem={(e) => <EntryRow entry={e} userId={userId} />}
                />
              ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
