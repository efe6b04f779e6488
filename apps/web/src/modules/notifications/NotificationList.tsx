import { Badge, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { type NotificationItem, useMarkRead } from './api';
import { notificationHref } from './link';

/**
 * Notifications, newest first: unread ones marked with a dot and in bold. Opening one marks it
 * read and goes to its object (the problem, the order, the summary …).
 */
export function NotificationList({
  items,
  onOpened,
  compact = false,
}: {
  items: NotificationItem[];
  /** after a click (the header's popover closes) */
  onOpened?: () => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />;
  const open = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id);
    const href = notificationHref(n.link);
    onOpened?.();
    if (href) void navigate(href);
  };
  return (
    <Flex vertical data-testid="notification-list">
      {items.map((n) => (
        <button
          key={n.id}
          type="button"
          onClick={() => open(n)}
          data-testid="notification-item"
          data-unread={n.readAt ? undefined : 'true'}
          style={{
            display: 'block',
            width: '100%',
            textAlign: 'start',
            border: 'none',
            borderBottom: '1px solid #f0f0f0',
            background: n.readAt ? 'transparent' : '#fff7f6',
            padding: compact ? '8px 4px' : '10px 8px',
            cursor: 'pointer',
            font: 'inherit',
          }}
        >
          <Flex gap={8} align="flex-start">
            <Badge status={n.readAt ? 'default' : 'error'} style={{ marginTop: 4 }} />
            <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text strong={!n.readAt} style={{ wordBreak: 'break-word' }}>
                {n.title}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13, wordBreak: 'break-word' }}>
                {n.body}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(n.createdAt)}
              </Typography.Text>
            </Flex>
          </Flex>
        </button>
      ))}
    </Flex>
  );
}
