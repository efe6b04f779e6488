import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Popover, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useIsMobile } from '../../ui/use-is-mobile';
import { useMarkAllRead, useNotifications, useUnreadCount } from './api';
import { NotificationList } from './NotificationList';

/** The latest few in a popover on a desk, with 全部已读 and the way to all of them. */
function Latest({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useNotifications({ limit: 6, offset: 0 });
  const markAll = useMarkAllRead();
  return (
    <div style={{ width: 340, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-popover">
      <Spin spinning={list.isPending}>
        <div style={{ maxHeight: 420, overflowY: 'auto' }}>
          <NotificationList items={list.data?.items ?? []} onOpened={onClose} compact />
        </div>
      </Spin>
      <Flex justify="space-between" style={{ marginTop: 8 }}>
        <Button
          size="small"
          type="link"
          disabled={!list.data?.unread}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notifications-read-all"
        >
          {t('notifications.readAll')}
        </Button>
        <Button
          size="small"
          type="link"
          onClick={() => {
            onClose();
            void navigate('/notifications');
          }}
          data-testid="notifications-all"
        >
          {t('notifications.viewAll')}
        </Button>
      </Flex>
    </div>
  );
}

/**
 * The bell in the header with the unread count (polled once a minute and on coming back to the
 * window). A desk opens the latest in a popover; a phone goes to the notifications page.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  const count = unread.data ?? 0;
  const button = (
    <Button
      type="text"
      aria-label={count ? t('notifications.bellUnread', { count }) : t('notifications.title')}
      style={{ color: '#fff', width: 40, height: 40, flex: 'none' }}
      onClick={mobile ? () => void navigate('/notifications') : undefined}
      data-testid="notification-bell"
    >
      <Badge count={count} size="small" overflowCount={99} offset={[2, -2]} data-testid="notification-badge">
        <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
      </Badge>
    </Button>
  );
  if (mobile) return button;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('notifications.title')}
      content={open ? <Latest onClose={() => setOpen(false)} /> : null}
    >
      {button}
    </Popover>
  );
}
