/**
 * The default rubric, written from the seed's own words because its attachments 7–9 are not in
 * the seed: 看户 on “产业、就业、两不愁三保障、政策落实、问题整改、帮扶基础” (50), 看组 on
 * “拆得干净、修得到位、整得美观、清得干净” (20), 看村 on “项目建设、存量土坯房整治、村集体经济、
 * 粮食生产、产业基地（扶贫车间）建设、公墓建设” (30). The township edits points and items.
 */
import type { Rubric } from './rubric';

export const DEFAULT_RUBRIC: Rubric = {
  households: {
    max: 50,
    office: 'poverty_station',
    items: [
      {
        code: 'h_industry',
        name: '产业发展',
        nameEn: 'Industry',
        criteria: '有产业覆盖，产业奖补落实到户，农产品无滞销；无产业又无说明的不得分',
        points: 8,
        office: null,
      },
      {
        code: 'h_employment',
        name: '务工就业',
        nameEn: 'Employment',
        criteria: '有劳动力的家庭有稳定就业或公益性岗位，外出务工、就近就业情况清楚',
        points: 8,
        office: null,
      },
      {
        code: 'h_basic_needs',
        name: '两不愁三保障及饮水安全',
        nameEn: 'Food, clothing, education, medical care, housing and water',
        criteria: '不愁吃、不愁穿；义务教育、基本医疗、住房安全、饮水安全有保障；发现一项未保障的本项不得分',
        points: 14,
        office: null,
      },
      {
        code: 'h_policy',
        name: '政策落实',
        nameEn: 'Policies',
        criteria: '教育资助、医疗保障、危房改造、低保、产业奖补、小额信贷等政策应享尽享',
        points: 8,
        office: null,
      },
      {
        code: 'h_rectification',
        name: '问题整改',
        nameEn: 'Rectification',
        criteria: '走访排查发现的问题已整改销号，佐证材料齐全',
        points: 6,
        office: null,
      },
      {
        code: 'h_assistance',
        name: '帮扶基础',
        nameEn: 'Assistance basics',
        criteria: '“一户一档”资料齐全且与系统一致，帮扶干部熟悉户情，帮扶计划和措施落实',
        points: 6,
        office: null,
      },
    ],
  },
  groups: {
    max: 20,
    office: 'rectification_office',
    items: [
      {
        code: 'g_demolished',
        name: '拆得干净',
        nameEn: 'Demolished clean',
        criteria: '危旧房、空心房、乱搭乱建拆除到位，残垣断壁清理干净',
        points: 5,
        office: null,
      },
      {
        code: 'g_repaired',
        name: '修得到位',
        nameEn: 'Repaired properly',
        criteria: '道路、沟渠、房屋立面等修缮到位',
        points: 5,
        office: null,
      },
      {
        code: 'g_tidy',
        name: '整得美观',
        nameEn: 'Tidy and attractive',
        criteria: '房前屋后整洁有序，绿化美化',
        points: 5,
        office: null,
      },
      {
        code: 'g_cleaned',
        name: '清得干净',
        nameEn: 'Cleaned',
        criteria: '垃圾、杂物、河塘清理干净，无卫生死角',
        points: 5,
        office: null,
      },
    ],
  },
  village: {
    max: 30,
    office: 'projects_office',
    items: [
      {
        code: 'v_projects',
        name: '项目建设',
        nameEn: 'Projects',
        criteria: '扶贫项目按期开工、推进和验收，资金使用规范',
        points: 6,
        office: 'projects_office',
      },
      {
        code: 'v_adobe',
        name: '存量土坯房整治',
        nameEn: 'Adobe-house remediation',
        criteria: '存量土坯房拆除或整治到位，无人居住土坯房',
        points: 6,
        office: 'rectification_office',
      },
      {
        code: 'v_collective',
        name: '村集体经济',
        nameEn: 'Collective economy',
        criteria: '村集体经济有稳定收入来源，收入达到年度目标',
        points: 6,
        office: 'party_building_office',
      },
      {
        code: 'v_grain',
        name: '粮食生产',
        nameEn: 'Grain production',
        criteria: '春耕备耕落实，无抛荒撂荒，粮食播种面积达到任务',
        points: 4,
        office: 'agriculture_office',
      },
      {
        code: 'v_industry_base',
        name: '产业基地（扶贫车间）建设',
        nameEn: 'Industrial base / workshop',
        criteria: '产业基地、扶贫车间正常运营，带动贫困户增收就业',
        points: 4,
        office: 'projects_office',
      },
      {
        code: 'v_cemetery',
        name: '公墓建设',
        nameEn: 'Cemetery',
        criteria: '村级公益性公墓建设推进到位，管理规范',
        points: 4,
        office: 'civil_affairs_office',
      },
    ],
  },
};
