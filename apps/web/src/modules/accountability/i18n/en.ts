import type { Messages } from '../../../i18n/messages';

/** English texts of the accountability view (the Chinese in ./zh-CN.ts is the reference). */
export const accountabilityEn: Messages['accountability'] = {
  title: 'Accountability',
  titleOf: 'Accountability: {{unit}}',
  readOnly:
    'Read-only. Against each deadline: who did not visit, inspect, rectify or advance in time, with the households, problems and days late.',
  export: 'Export accountability table',
  exported: 'Download started',
  back: 'Back to accountability',
  vacant: '(vacant)',
  days: '{{count}} days late',
  doneAt: 'done {{at}}',
  figures: {
    lapses: 'Lapses',
    kind: '{{kind}} lapses',
    maxDaysLate: 'Longest delay',
    days: 'days',
  },
  people: {
    title: 'By person (directly responsible, worst first)',
    name: 'Name',
    links: 'Duties',
    lapses: 'Lapses',
    maxDaysLate: 'Longest delay',
    asChain: 'Above others',
    search: 'Find by name',
    asChainHelp: "Others' lapses this person stands above in the chain (stationed leader, village committee, township office …)",
  },
  units: {
    title: 'By unit (with the responsible chain)',
    chart: 'Lapses by village (click a bar for the list)',
    unit: 'Unit',
    chain: 'Chain',
  },
  lapses: {
    title: 'Lapses',
    duty: 'Duty',
    subject: 'Subject and evidence',
    village: 'Village',
    deadline: 'Due',
    late: 'Late',
    responsible: 'Directly responsible',
    chain: 'Chain (nearest first)',
    person: 'Person: {{name}}',
    kindTag: 'Kind: {{name}}',
    townshipOwn: 'Township’s own',
    dutyTag: 'Duty: {{name}}',
    kindPick: 'Kind',
    dutyPick: 'Duty',
    statePick: 'State',
  },
};
