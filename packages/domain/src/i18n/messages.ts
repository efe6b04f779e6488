/**
 * The message catalogue for errors and field names, in Simplified Chinese and English.
 * Shared by the server (API errors) and the web (offline form validation), so both say the
 * same thing in the same words.
 */
import type { ErrorCode } from '../errors';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

type Catalogue = Record<ErrorCode, string> & Record<string, string>;

const zh: Catalogue = {
  VALIDATION_FAILED: '提交的内容有误，请按提示修改',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有执行此操作的权限',
  PASSWORD_CHANGE_REQUIRED: '首次登录请先修改密码',
  INVALID_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '连续登录失败次数过多，账号已临时锁定，请 {minutes} 分钟后再试',
  ACCOUNT_DISABLED: '该账号已停用，请联系镇扶贫办',
  NOT_FOUND: '未找到{entity}',
  IDEMPOTENCY_CONFLICT: '该编号已用于另一条不同的记录，请刷新后重试',
  VERSION_CONFLICT: '该记录已被他人修改，请刷新后再改',
  UNIT_CODE_INVALID: '区划代码不正确：{reason}',
  UNIT_CODE_TAKEN: '区划代码 {code} 已被「{name}」使用',
  UNIT_PARENT_INVALID: '「{kind}」不能建在「{parentKind}」之下',
  UNIT_HAS_CHILDREN: '「{name}」下还有 {count} 个下级单位，不能删除',
  UNIT_IN_USE: '「{name}」仍有{what}，不能删除',
  USERNAME_TAKEN: '用户名「{username}」已被占用',
  PASSWORD_WEAK: '密码不符合要求：{reason}',
  PASSWORD_WRONG: '当前密码不正确',
  ROLE_NOT_ASSIGNABLE: '「{role}」角色不能分配在{kind}一级',
  ROLE_SECTOR_REQUIRED: '行业分管领导必须指定分管行业',
  ROLE_OUTSIDE_SCOPE: '不能在您管辖范围之外的单位分配角色',
  SELF_LOCKOUT: '不能停用自己的账号或移除自己的管理员角色',
  CROSS_ORIGIN: '跨站请求已被拒绝',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  INTERNAL: '服务器内部错误，请稍后再试（错误编号 {requestId}）',

  'issue.required': '必填',
  'issue.type': '格式不正确',
  'issue.too_short': '至少 {min} 个字',
  'issue.too_long': '最多 {max} 个字',
  'issue.too_small': '不能小于 {min}',
  'issue.too_big': '不能大于 {max}',
  'issue.not_integer': '必须是整数',
  'issue.invalid_option': '不是有效的选项',
  'issue.invalid_format': '格式不正确',
  'issue.invalid_uuid': '编号格式不正确',
  'issue.invalid_date': '不是有效的日期（应为 年-月-日）',
  'issue.unknown_key': '不认识的字段',
  'issue.division_code': '应为 12 位数字的统计用区划代码',
  'issue.username': '只能使用字母、数字、点、横线和下划线，3 到 32 位',

  'division.format': '应为 12 位数字',
  'division.padding': '与单位级别不符（县级代码后 6 位、镇级代码后 3 位应为 0）',
  'division.parent_prefix': '与上级单位的区划代码不一致',

  'password.too_short': '至少 8 位',
  'password.too_long': '最多 128 位',
  'password.needs_letter_and_digit': '须同时包含字母和数字',
  'password.same_as_username': '不能包含用户名',

  'role.county_admin': '县级管理员',
  'role.county_reviewer': '县工作组',
  'role.township_admin': '镇扶贫办',
  'role.town_leader': '镇领导/驻村领导',
  'role.sector_leader': '行业分管领导',
  'role.discipline': '镇纪委',
  'role.judge': '评分员',
  'role.village_staff': '村两委/驻村工作队',
  'role.cadre': '帮扶干部',

  'sector.education': '义务教育',
  'sector.medical': '基本医疗',
  'sector.housing': '住房安全',
  'sector.water': '饮水安全',

  'password.same_as_old': '新密码不能与当前密码相同',

  'entity.unit': '单位',
  'entity.user': '用户',
  'entity.session': '会话',
  'entity.household': '户',
  'entity.member': '家庭成员',
  'entity.role_assignment': '角色',

  'what.users': '用户',
  'what.households': '农户',
  'what.roles': '角色分配',

  'kind.county': '县',
  'kind.township': '镇',
  'kind.village': '村',
  'kind.group': '村民小组',

  'field.id': '编号',
  'field.name': '名称',
  'field.code': '区划代码',
  'field.kind': '级别',
  'field.parentId': '上级单位',
  'field.sortOrder': '排序',
  'field.username': '用户名',
  'field.password': '密码',
  'field.currentPassword': '当前密码',
  'field.newPassword': '新密码',
  'field.displayName': '姓名',
  'field.phone': '手机号',
  'field.homeUnitId': '所属单位',
  'field.role': '角色',
  'field.unitId': '单位',
  'field.sector': '分管行业',
  'field.title': '职务',
  'field.disabled': '停用',
  'field.from': '开始时间',
  'field.to': '结束时间',
  'field.limit': '每页条数',
  'field.offset': '起始位置',
};

const en: Catalogue = {
  VALIDATION_FAILED: 'Some fields need correcting',
  UNAUTHENTICATED: 'Please log in',
  FORBIDDEN: 'You do not have permission to do this',
  PASSWORD_CHANGE_REQUIRED: 'Please change your password before continuing',
  INVALID_CREDENTIALS: 'Wrong username or password',
  ACCOUNT_LOCKED: 'Too many failed logins; the account is locked. Try again in {minutes} minutes',
  ACCOUNT_DISABLED: 'This account is disabled; contact the township office',
  NOT_FOUND: '{entity} not found',
  IDEMPOTENCY_CONFLICT: 'This id was already used for a different record; reload and retry',
  VERSION_CONFLICT: 'Someone else changed this record; reload before editing',
  UNIT_CODE_INVALID: 'Division code is wrong: {reason}',
  UNIT_CODE_TAKEN: 'Division code {code} is already used by "{name}"',
  UNIT_PARENT_INVALID: 'A {kind} cannot be placed under a {parentKind}',
  UNIT_HAS_CHILDREN: '"{name}" still has {count} units under it and cannot be deleted',
  UNIT_IN_USE: '"{name}" still has {what} and cannot be deleted',
  USERNAME_TAKEN: 'Username "{username}" is taken',
  PASSWORD_WEAK: 'Password is too weak: {reason}',
  PASSWORD_WRONG: 'Current password is wrong',
  ROLE_NOT_ASSIGNABLE: 'The role "{role}" cannot be assigned at {kind} level',
  ROLE_SECTOR_REQUIRED: 'A sector leader needs a sector',
  ROLE_OUTSIDE_SCOPE: 'You cannot assign roles on units outside your own',
  SELF_LOCKOUT: 'You cannot disable your own account or remove your own admin role',
  CROSS_ORIGIN: 'Cross-site request refused',
  RATE_LIMITED: 'Too many requests; please wait a moment',
  PAYLOAD_TOO_LARGE: 'The request is too large',
  INTERNAL: 'Server error; please try again later (error id {requestId})',

  'issue.required': 'required',
  'issue.type': 'wrong format',
  'issue.too_short': 'at least {min} characters',
  'issue.too_long': 'at most {max} characters',
  'issue.too_small': 'must be at least {min}',
  'issue.too_big': 'must be at most {max}',
  'issue.not_integer': 'must be a whole number',
  'issue.invalid_option': 'not a valid option',
  'issue.invalid_format': 'wrong format',
  'issue.invalid_uuid': 'not a valid id',
  'issue.invalid_date': 'not a valid date (YYYY-MM-DD)',
  'issue.unknown_key': 'unknown field',
  'issue.division_code': 'must be a 12-digit statistical division code',
  'issue.username': 'letters, digits, dot, dash and underscore only, 3 to 32 characters',

  'division.format': 'must be 12 digits',
  'division.padding': 'does not match the unit level (a county code ends in 6 zeros, a township code in 3)',
  'division.parent_prefix': "does not start with the parent unit's code",

  'password.too_short': 'at least 8 characters',
  'password.too_long': 'at most 128 characters',
  'password.needs_letter_and_digit': 'must contain letters and digits',
  'password.same_as_username': 'must not contain the username',

  'role.county_admin': 'County admin',
  'role.county_reviewer': 'County reviewer',
  'role.township_admin': 'Township office',
  'role.town_leader': 'Town leader',
  'role.sector_leader': 'Sector leader',
  'role.discipline': 'Discipline commission',
  'role.judge': 'Judge',
  'role.village_staff': 'Village staff',
  'role.cadre': 'Assistance cadre',

  'sector.education': 'Compulsory education',
  'sector.medical': 'Basic medical care',
  'sector.housing': 'Housing safety',
  'sector.water': 'Drinking water',

  'password.same_as_old': 'must differ from the current password',

  'entity.unit': 'Unit',
  'entity.user': 'User',
  'entity.session': 'Session',
  'entity.household': 'Household',
  'entity.member': 'Household member',
  'entity.role_assignment': 'Role',

  'what.users': 'users',
  'what.households': 'households',
  'what.roles': 'role assignments',

  'kind.county': 'county',
  'kind.township': 'township',
  'kind.village': 'village',
  'kind.group': 'group',

  'field.id': 'ID',
  'field.name': 'Name',
  'field.code': 'Division code',
  'field.kind': 'Level',
  'field.parentId': 'Parent unit',
  'field.sortOrder': 'Order',
  'field.username': 'Username',
  'field.password': 'Password',
  'field.currentPassword': 'Current password',
  'field.newPassword': 'New password',
  'field.displayName': 'Name',
  'field.phone': 'Mobile',
  'field.homeUnitId': 'Unit',
  'field.role': 'Role',
  'field.unitId': 'Unit',
  'field.sector': 'Sector',
  'field.title': 'Title',
  'field.disabled': 'Disabled',
  'field.from': 'From',
  'field.to': 'To',
  'field.limit': 'Page size',
  'field.offset': 'Offset',
};

const CATALOGUES: Record<Lang, Catalogue> = { 'zh-CN': zh, en };

/** Looks a key up and fills `{param}` placeholders; unknown keys come back as they are. */
export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const template = lookup(CATALOGUES[lang], key) ?? lookup(zh, key) ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined ? `{${name}}` : String(v);
  });
}

/** Own entries only: `constructor` or `toString` are not messages. */
function lookup(catalogue: Catalogue, key: string): string | undefined {
  return Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
}

/** Whether the catalogue has a key (for falling back to a generic message). */
export function hasMessage(key: string): boolean {
  return Object.hasOwn(zh, key);
}

/**
 * The label of a field path: the last non-numeric segment, looked up first within its parent
 * (`members.2.name` → `field.members.name` 姓名) and then alone (`field.name` 名称).
 */
export function fieldLabel(lang: Lang, path: string): string {
  const segments = path.split('.').filter((s) => s !== '' && !/^\d+$/.test(s));
  const last = segments.at(-1) ?? path;
  const parent = segments.at(-2);
  if (parent && hasMessage(`field.${parent}.${last}`)) return translate(lang, `field.${parent}.${last}`);
  return hasMessage(`field.${last}`) ? translate(lang, `field.${last}`) : last;
}

/**
 * The language the reader chose in the app (sent by the web client). Chinese unless English was
 * chosen explicitly: a browser's own Accept-Language does not switch the township's UI.
 */
export function pickLang(preference: string | undefined | null): Lang {
  return preference?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
