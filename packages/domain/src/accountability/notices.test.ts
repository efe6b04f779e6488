import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../schemas/notifications';
import { noticeText } from './notices';

describe('noticeText', () => {
  it.each<[string, (typeof NOTIFICATION_KINDS)[number], Record<string, string | number | null>, string, string]>([
    [
      'a deadline two days away',
      'deadline',
      { subject: 'visit', deadline: '2020-03-13', days: 2, count: 3, label: null },
      '截止提醒：入户走访',
      '入户走访将于2020-03-13到期（还有2天），尚有3项未完成。',
    ],
    [
      'a deadline today',
      'deadline',
      { subject: 'problems', deadline: '2020-03-16', days: 0, count: 1, label: '东溪村' },
      '截止提醒：问题整改',
      '东溪村：问题整改将于2020-03-16到期（今天），尚有1项未完成。',
    ],
    [
      'an order',
      'order_issued',
      { number: '督办〔2020〕1号', title: '住房安全督办', deadline: '2020-04-01', problems: 2 },
      '督办整改单 督办〔2020〕1号',
      '住房安全督办：2个问题，整改时限2020-04-01，您为责任人。',
    ],
    [
      'an assignment',
      'problem_assigned',
      { place: '东溪村', description: '房屋漏雨', deadline: '2020-03-20' },
      '问题交办',
      '东溪村：房屋漏雨，整改时限2020-03-20。',
    ],
    [
      'an automatic escalation',
      'problem_escalated',
      { place: '东溪村', description: '房屋漏雨', reason: '逾期', automatic: 1 },
      '问题逾期自动上报镇级',
      '东溪村：房屋漏雨。原因：逾期',
    ],
    [
      'a summary sent back',
      'summary_returned',
      { summary: 'inspection', village: '东溪村', reason: '数据有误' },
      '排查汇总（附件5）被退回',
      '东溪村的排查汇总（附件5）已被镇扶贫办退回，请修改后重新上报。原因：数据有误',
    ],
  ])('%s, in Chinese', (_label, kind, params, title, body) => {
    expect(noticeText(kind, params, 'zh-CN')).toEqual({ title, body });
  });

  it.each(NOTIFICATION_KINDS)('%s reads in English with no Chinese words of its own', (kind) => {
    const t = noticeText(kind, { subject: 'order', summary: 'visit', days: 1, count: 1, deadline: '2020-03-13' }, 'en');
    expect(`${t.title} ${t.body}`).not.toMatch(/[\u4e00-\u9fff]/);
    expect(t.title.length).toBeGreaterThan(3);
  });
});
