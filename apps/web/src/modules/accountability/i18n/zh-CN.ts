/**
 * Chinese texts of the accountability view (责任倒查), under `accountability.` in the app's
 * resources. Duties, kinds, states and chain links come from the shared vocabulary in
 * @fupin/domain (the words the .xlsx export uses too).
 */
export const accountabilityZhCN = {
  title: '责任倒查',
  titleOf: '{{unit}}责任倒查',
  readOnly: '本页只读：按各项工作的截止日期，列出谁没有按时走访、排查、整改、推进，以及对应的农户、问题和逾期天数。',
  export: '导出责任倒查表',
  exported: '已开始下载',
  back: '返回责任倒查',
  vacant: '（空缺）',
  /** a unit head's title and unit after their name */
  about: '（{{about}}）',
  days: '逾期 {{count}} 天',
  doneAt: '{{at}} 完成',
  figures: {
    lapses: '逾期事项',
    kind: '{{kind}}逾期',
    maxDaysLate: '最长逾期',
    days: '天',
  },
  people: {
    title: '按人员（直接责任人，逾期最多的在前）',
    name: '姓名',
    links: '职责',
    lapses: '逾期事项',
    maxDaysLate: '最长逾期',
    asChain: '作为上级',
    search: '按姓名查找',
    asChainHelp: '此人作为责任链上级（驻村领导、村两委、镇扶贫办等）所涉及的他人逾期事项数',
  },
  units: {
    title: '按单位（含责任链）',
    chart: '各村逾期事项（点击柱条查看明细）',
    unit: '单位',
    chain: '责任链',
  },
  /** 派出单位: the head (有关单位负责人) answers with the cadres the unit sent */
  sending: {
    title: '按派出单位',
    unit: '派出单位',
    head: '负责人',
    none: '未登记派出单位',
    tag: '派出单位：{{name}}',
  },
  lapses: {
    title: '责任明细',
    duty: '事项',
    subject: '对象与证据',
    village: '村',
    deadline: '截止',
    late: '逾期',
    responsible: '直接责任人',
    chain: '责任链（由近及远）',
    person: '责任人：{{name}}',
    kindTag: '类别：{{name}}',
    townshipOwn: '乡镇本级',
    dutyTag: '事项：{{name}}',
    kindPick: '类别',
    dutyPick: '事项',
    statePick: '状态',
  },
};
