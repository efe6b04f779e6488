/**
 * The words of a notification, rendered from its kind and parameters in the reader's language.
 * Stored notifications keep only kind and parameters, so a reader who switches language reads
 * every old one in the new language too.
 */
import type { Lang } from '../i18n/messages';
import type { NotificationKind } from '../schemas/notifications';

export type NoticeParams = Record<string, string | number | null>;

/** What a deadline reminder is about. */
export const DEADLINE_SUBJECTS = {
  visit: { zh: '入户走访', en: 'household visits' },
  visit_summary: { zh: '走访汇总上报（附件3）', en: 'the visit summary (form 3)' },
  self_inspection: { zh: '村级场所自查', en: 'the village self-inspection' },
  sector_inspection: { zh: '镇级行业排查', en: 'the sector inspection' },
  problems: { zh: '问题整改', en: 'problem rectification' },
  order: { zh: '督办整改', en: 'the supervision order' },
} as const;
export type DeadlineSubject = keyof typeof DEADLINE_SUBJECTS;

const SUMMARY_NAMES = {
  visit: { zh: '走访汇总（附件3）', en: 'visit summary (form 3)' },
  inspection: { zh: '排查汇总（附件5）', en: 'inspection summary (form 5)' },
} as const;

function s(p: NoticeParams, key: string): string {
  const v = p[key];
  return v === null || v === undefined ? '' : String(v);
}

function dayWords(days: number, zh: boolean): string {
  if (zh) return days === 0 ? '今天' : `还有${days}天`;
  return days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`;
}

/** Title and body of a notification in a language. */
export function noticeText(kind: NotificationKind, p: NoticeParams, lang: Lang): { title: string; body: string } {
  const zh = lang !== 'en';
  switch (kind) {
    case 'deadline': {
      const subject = DEADLINE_SUBJECTS[s(p, 'subject') as DeadlineSubject] ?? { zh: s(p, 'subject'), en: s(p, 'subject') };
      const days = Number(p.days ?? 0);
      const what = s(p, 'label');
      return zh
        ? {
            title: `截止提醒：${subject.zh}`,
            body: `${what ? `${what}：` : ''}${subject.zh}将于${s(p, 'deadline')}到期（${dayWords(days, true)}），尚有${s(p, 'count')}项未完成。`,
          }
        : {
            title: `Deadline: ${subject.en}`,
            body: `${what ? `${what}: ` : ''}${subject.en} due ${s(p, 'deadline')} (${dayWords(days, false)}); ${s(p, 'count')} not done yet.`,
          };
    }
    case 'order_issued':
      return zh
        ? {
            title: `督办整改单 ${s(p, 'number')}`,
            body: `${s(p, 'title')}：${s(p, 'problems')}个问题，整改时限${s(p, 'deadline')}，您为责任人。`,
          }
        : {
            title: `Supervision order ${s(p, 'number')}`,
            body: `${s(p, 'title')}: ${s(p, 'problems')} problem(s), due ${s(p, 'deadline')}; you are answerable.`,
          };
    case 'problem_assigned':
      return zh
        ? {
            title: '问题交办',
            body: `${s(p, 'place') ? `${s(p, 'place')}：` : ''}${s(p, 'description')}${p.deadline ? `，整改时限${s(p, 'deadline')}` : ''}。`,
          }
        : {
            title: 'Problem assigned to you',
            body: `${s(p, 'place') ? `${s(p, 'place')}: ` : ''}${s(p, 'description')}${p.deadline ? `, due ${s(p, 'deadline')}` : ''}.`,
          };
    case 'problem_escalated':
      return zh
        ? {
            title: p.automatic ? '问题逾期自动上报镇级' : '问题上报镇级',
            body: `${s(p, 'place') ? `${s(p, 'place')}：` : ''}${s(p, 'description')}。原因：${s(p, 'reason')}`,
          }
        : {
            title: p.automatic ? 'Overdue problem moved to the township' : 'Problem escalated to the township',
            body: `${s(p, 'place') ? `${s(p, 'place')}: ` : ''}${s(p, 'description')}. Reason: ${s(p, 'reason')}`,
          };
    case 'summary_returned': {
      const name = SUMMARY_NAMES[s(p, 'summary') as keyof typeof SUMMARY_NAMES] ?? SUMMARY_NAMES.visit;
      return zh
        ? {
            title: `${name.zh}被退回`,
            body: `${s(p, 'village')}的${name.zh}已被镇扶贫办退回，请修改后重新上报。原因：${s(p, 'reason')}`,
          }
        : {
            title: `The ${name.en} was sent back`,
            body: `The township office sent ${s(p, 'village')}'s ${name.en} back; correct it and submit again. Reason: ${s(p, 'reason')}`,
          };
    }
  }
}
