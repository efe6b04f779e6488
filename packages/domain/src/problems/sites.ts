/** Sites inspected in the villages and the default checklists of sites and sectors (附件4); all are settings. */

interface Label {
  zh: string;
  en: string;
}

export const SITE_KINDS: Record<string, Label> = {
  poverty_office: { zh: '扶贫工作室', en: 'Poverty-alleviation office' },
  clinic: { zh: '村卫生室', en: 'Village clinic' },
  workshop: { zh: '扶贫车间', en: 'Poverty-alleviation workshop' },
  industry_base: { zh: '产业基地', en: 'Industry base' },
};

export const SECTORS_INSPECTED: Record<string, Label> = {
  education: { zh: '义务教育', en: 'Compulsory education' },
  medical: { zh: '基本医疗', en: 'Basic medical care' },
  housing: { zh: '住房安全', en: 'Housing safety' },
  water: { zh: '饮水安全', en: 'Drinking water' },
};

export type Evidence = 'photo' | 'document' | 'none';

export interface ChecklistItem {
  code: string;
  text: string;
  evidence: Evidence;
}

/** The default checklist of each site kind and each sector. */
export const DEFAULT_CHECKLISTS: Record<string, ChecklistItem[]> = {
  poverty_office: [
    { code: 'po1', text: '扶贫工作室有固定场所，制度上墙', evidence: 'photo' },
    { code: 'po2', text: '贫困户“一户一档”资料齐全，与系统一致', evidence: 'document' },
    { code: 'po3', text: '帮扶干部结对名单、帮扶计划公示', evidence: 'photo' },
    { code: 'po4', text: '村级脱贫攻坚作战图、问题台账更新及时', evidence: 'photo' },
  ],
  clinic: [
    { code: 'cl1', text: '有标准化村卫生室，有合格村医在岗', evidence: 'photo' },
    { code: 'cl2', text: '基本药品配备齐全，在有效期内', evidence: 'photo' },
    { code: 'cl3', text: '家庭医生签约服务落实，签约记录完整', evidence: 'document' },
    { code: 'cl4', text: '贫困人口慢病随访记录完整', evidence: 'document' },
  ],
  workshop: [
    { code: 'ws1', text: '扶贫车间正常生产经营', evidence: 'photo' },
    { code: 'ws2', text: '吸纳贫困劳动力就业，用工台账、工资发放记录齐全', evidence: 'document' },
    { code: 'ws3', text: '安全生产措施到位', evidence: 'photo' },
  ],
  industry_base: [
    { code: 'ib1', text: '产业基地运营正常，利益联结机制落实', evidence: 'document' },
    { code: 'ib2', text: '带动贫困户增收分红到户', evidence: 'document' },
  ],
  education: [
    { code: 'ed1', text: '无义务教育阶段适龄儿童失学辍学', evidence: 'document' },
    { code: 'ed2', text: '重度残疾儿童送教上门落实', evidence: 'document' },
    { code: 'ed3', text: '学生资助政策应享尽享', evidence: 'document' },
  ],
  medical: [
    { code: 'md1', text: '贫困人口基本医疗保险、大病保险全覆盖', evidence: 'document' },
    { code: 'md2', text: '医疗救助、先诊疗后付费落实', evidence: 'document' },
    { code: 'md3', text: '家庭医生签约全覆盖', evidence: 'document' },
  ],
  housing: [
    { code: 'hs1', text: '贫困户住房经鉴定安全（A、B级）', evidence: 'photo' },
    { code: 'hs2', text: 'C、D级危房已改造或有安全住房', evidence: 'photo' },
    { code: 'hs3', text: '存量土坯房已整治', evidence: 'photo' },
  ],
  water: [
    { code: 'wt1', text: '饮水水量达标', evidence: 'none' },
    { code: 'wt2', text: '饮水水质达标（有检测报告）', evidence: 'document' },
    { code: 'wt3', text: '取水方便（往返时间不超过20分钟）', evidence: 'none' },
    { code: 'wt4', text: '供水有保障（保证率不低于90%）', evidence: 'none' },
  ],
};
