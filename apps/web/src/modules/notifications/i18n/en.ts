import type { Messages } from '../../../i18n/messages';

/** English texts of the notifications (the Chinese in ./zh-CN.ts is the reference). */
export const notificationsEn: Messages['notifications'] = {
  title: 'Notifications',
  bellUnread: 'Notifications, {{count}} unread',
  empty: 'No notifications',
  readAll: 'Mark all read',
  readAllDone: 'All marked read',
  viewAll: 'All notifications',
  all: 'All',
  unread: 'Unread',
  unreadCount: '{{count}} unread',
  hint: 'Deadlines two days away, supervision orders issued, problems assigned or escalated and summaries sent back are notified here. Click one to open its problem, order or summary.',
};
