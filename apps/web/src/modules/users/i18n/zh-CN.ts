/**
 * Chinese texts of the 帮扶干部花名册 import on 用户管理, under `users.roster.` in the app's
 * resources: a township's cadres, their accounts and pairings from one Excel file.
 */
export const rosterZhCN = {
  open: '导入帮扶干部',
  title: '导入帮扶干部花名册',
  intro:
    '按模板填写本镇帮扶干部：手机号码即登录用户名；已有账号按手机号码更新姓名和派出单位并增加结对户；本镇没有的派出单位会自动新增。整张表全部正确才导入，有一处错误就不导入任何内容。',
  township: '乡镇',
  templateLabel: '填表模板',
  template: '下载模板',
  export: '导出现有花名册',
  templateHelp: '模板含填表说明；结对户编号多个时用顿号（、）分隔。现有花名册列出本镇全部帮扶干部及其结对户，可直接修改后导入。',
  passwordHelp: '新建账号的初始密码，请交给本人；首次登录时必须修改。已有账号的密码不变。',
  file: '花名册文件',
  pick: '选择 .xlsx 文件',
  notXlsx: '请选择 Excel 文件（.xlsx）',
  submit: '导入',
  running: '正在导入，每个新账号的密码都要加密，请稍候…',
  errorsHelp: '请在 Excel 中逐条改正后重新选择文件导入：',
  doneTitle: '已导入 {{rows}} 行',
  summary: '新建 {{created}} 个账号，更新 {{updated}} 个，新增派出单位 {{workUnits}} 个，新增结对 {{pairings}} 户',
  workUnitsHint: '新增的派出单位可在单位管理的镇页面「派出单位」中填写负责人。',
  again: '再导入一份',
};
