/**
 * Chinese texts of the 派出单位 (sending units) of a township, under `workUnits.` in the app's
 * resources: the units that send assistance cadres, and their heads (单位负责人), who answer for
 * the cadres they send (DOMAIN §7).
 */
export const workUnitsZhCN = {
  title: '派出单位',
  hint: '帮扶干部的派出单位及其负责人。派出单位负责人与帮扶干部一同列入责任倒查。',
  add: '新增派出单位',
  addShort: '新增',
  addTitle: '新增派出单位',
  editTitle: '编辑派出单位',
  name: '名称',
  namePlaceholder: '例如：县交通运输局',
  headName: '负责人',
  headTitle: '职务',
  headTitlePlaceholder: '例如：局长',
  headPhone: '联系电话',
  cadreCount: '帮扶干部人数',
  cadres: '帮扶干部 {{count}} 人',
  sortOrder: '排序',
  headHelp: '负责人不必有账号；责任倒查按姓名列出。',
  noHead: '未填负责人',
  empty: '尚未登记派出单位',
  created: '已新增派出单位“{{name}}”',
  deleteConfirm: '确定删除派出单位“{{name}}”吗？',
  deleteHint: '仍有帮扶干部属于该单位时不能删除。',
  readOnly: '您可以查看派出单位，但不能修改。',
};
