/**
 * The 帮扶干部花名册 workbook: 填表说明 and one sheet, the mobile column formatted as text; empty as
 * the template, or filled with the township's cadres as an export the office edits and imports back.
 */
import { ROSTER_COLUMNS, ROSTER_SHEET, type RosterRow } from '@fupin/domain';
import ExcelJS from './exceljs';
import { styleHeader, writeInstructions } from './template';

export async function buildRosterWorkbook(
  townshipName: string,
  workUnitNames: readonly string[],
  rows: readonly (Omit<RosterRow, 'mobile'> & { mobile: string | null })[] = [],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fupin 扶贫';
  wb.created = new Date();
  const help = wb.addWorksheet('填表说明');
  const sheet = wb.addWorksheet(ROSTER_SHEET);
  styleHeader(sheet, ROSTER_COLUMNS);
  // Text, so Excel keeps a mobile number as typed and household numbers whole.
  sheet.getColumn(2).numFmt = '@';
  sheet.getColumn(4).numFmt = '@';
  for (const r of rows) sheet.addRow([r.name, r.mobile, r.workUnit, r.households.join('、')]);
  writeInstructions(
    help,
    `${townshipName} 帮扶干部花名册`,
    [
      '每位帮扶干部一行。手机号码即登录用户名；新账号使用导入时填写的初始密码，首次登录须修改。',
      '手机号码已是本镇账号的，更新其姓名和派出单位并增加结对户，不会重复建号；已有的结对不会删除。',
      workUnitNames.length ? `本镇现有派出单位：${workUnitNames.join('、')}` : '本镇尚未登记派出单位，导入时自动新增。',
      '整个文件有任何错误都不会导入，错误会逐行列出（第几行、哪一列）。',
      '导出的花名册可以直接修改后再导入；没有手机号码的干部须补填后才能导入。',
    ],
    [[ROSTER_SHEET, ROSTER_COLUMNS]],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
