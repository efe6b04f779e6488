import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Pagination, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../api/use-report-error';
import { useMarkAllRead, useNotifications } from '../modules/notifications/api';
import { NotificationList } from '../modules/notifications/NotificationList';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';

const PAGE = 20;

/** /notifications 消息通知: all or unread, newest first; open one to go to its object; mark all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotifications({ unread: unreadOnly, limit: PAGE, offset: (page - 1) * PAGE });
  const markAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;
  return (
    <div data-testid="notifications-page">
      <PageHeader
        title={t('notifications.title')}
        extra={
          <Button
            icon={<CheckOutlined />}
            disabled={!unread}
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: () => void message.success(t('notifications.readAllDone')),
                onError: (e) => report(e),
              })
            }
            data-testid="notifications-read-all"
          >
            {t('notifications.readAll')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('notifications.hint')}
      </Typography.Paragraph>
      <Card styles={{ body: { padding: 12 } }}>
        <Flex gap={12} align="center" wrap style={{ marginBottom: 8 }}>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: t('notifications.unread') },
            ]}
            data-testid="notifications-filter"
          />
          <Typography.Text type="secondary">{t('notifications.unreadCount', { count: unread })}</Typography.Text>
        </Flex>
        {list.error ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Spin spinning={list.isFetching}>
            <NotificationList items={list.data?.items ?? []} />
          </Spin>
        )}
        {(list.data?.total ?? 0) > PAGE ? (
          <Pagination
            current={page}
            pageSize={PAGE}
            total={list.data?.total ?? 0}
            onChange={setPage}
            simple
            align="center"
            style={{ marginTop: 12 }}
          />
        ) : null}
      </Card>
    </div>
  );
}
