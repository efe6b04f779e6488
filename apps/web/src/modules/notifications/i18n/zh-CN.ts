/** Chinese texts of the notifications (the bell, the popover, the page), under `notifications.`. */
export const notificationsZhCN = {
  title: '消息通知',
  bellUnread: '消息通知，{{count}} 条未读',
  empty: '没有消息',
  readAll: '全部标为已读',
  readAllDone: '已全部标为已读',
  viewAll: '查看全部消息',
  all: '全部',
  unread: '未读',
  unreadCount: '{{count}} 条未读',
  hint: '截止前两天的提醒、督办单下发、问题交办或上报镇级、汇总被退回，都会在这里通知您。点击一条消息可打开对应的问题、督办单或汇总。',
};
