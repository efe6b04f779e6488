/**
 * 责任倒查表: the lapses as the discipline commission files them, one row a lapse with its
 * evidence and every link of its chain in its own column, in the township's table layout.
 */
import type { Writable } from 'node:stream';
import {
  CHAIN_LINK_LABELS,
  type ChainEntry,
  type ChainLink,
  isVacant,
  LAPSE_DUTY_LABELS,
  LAPSE_KIND_LABELS,
  LAPSE_STATE_LABELS,
  shanghaiDate,
} from '@fupin/domain';
import { writeGovernmentTable } from '../../io/excel/government-table';
import type { Lapse } from './lapses';

const CHAIN_COLUMNS: ChainLink[] = [
  'cadre',
  'unit_head',
  'village_committee',
  'first_secretary',
  'stationed_leader',
  'sector_leader',
  'township_office',
  'town_leader',
];

export const EXPORT_HEADERS = [
  '序号',
  '类别',
  '事项',
  '村',
  '对象',
  '说明',
  '时限',
  '完成情况',
  '完成日期',
  '逾期天数',
  '直接责任人',
  ...CHAIN_COLUMNS.map((l) => CHAIN_LINK_LABELS[l].zh),
];
const WIDTHS = [6, 6, 16, 10, 22, 22, 12, 12, 12, 8, 24, 14, 20, 14, 14, 12, 14, 14, 12];

/** A person as the table names them (a unit's head with the unit); a seat nobody holds says so. */
function nameOf(e: ChainEntry): string {
  if (isVacant(e)) return '（空缺）';
  return e.link === 'unit_head' && e.unitName ? `${e.name ?? ''}（${e.unitName}）` : (e.name ?? '');
}

function cell(entries: readonly ChainEntry[], link: ChainLink): string {
  return entries
    .filter((e) => e.link === link)
    .map(nameOf)
    .join('、');
}

export function lapseRow(l: Lapse, i: number): (string | number)[] {
  return [
    i + 1,
    LAPSE_KIND_LABELS[l.kind].zh,
    LAPSE_DUTY_LABELS[l.duty].zh,
    l.villageName ?? '镇级',
    l.subject.label,
    l.subject.detail ?? '',
    l.deadline,
    LAPSE_STATE_LABELS[l.state].zh,
    l.doneAt ? shanghaiDate(new Date(l.doneAt)) : '',
    l.daysLate,
    l.responsible.map((e) => `${nameOf(e)}（${CHAIN_LINK_LABELS[e.link].zh}）`).join('、'),
    ...CHAIN_COLUMNS.map((link) => cell(l.chain, link)),
  ];
}

export function writeLapses(
  out: Writable,
  t: { unitName: string; period: string; today: string; lapses: readonly Lapse[] },
): Promise<void> {
  return writeGovernmentTable(out, {
    sheetName: '责任倒查',
    title: `${t.unitName}脱贫攻坚“三大行动”责任倒查表`,
    unit: t.unitName,
    period: t.period,
    date: t.today,
    groups: [
      ['', 11],
      ['责任链条', CHAIN_COLUMNS.length],
    ],
    headers: EXPORT_HEADERS,
    widths: WIDTHS,
    rows: t.lapses.map(lapseRow),
    signatures: ['填表人：', '审核人：', '镇纪委负责人（签字）：'],
  });
}
