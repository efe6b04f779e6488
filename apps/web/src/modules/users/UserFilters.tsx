import { ROLES, type Role } from '@fupin/domain';
import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDomainLabels } from '../../i18n';
import { UnitTreeSelect } from '../org/UnitTreeSelect';

export interface UserFilterValues {
  q: string;
  unitId: string | undefined;
  role: Role | undefined;
}

/** 姓名/用户名/手机号, unit and role: each change reloads the first page from the server. */
export function UserFilters({
  value,
  onChange,
  mobile,
}: {
  value: UserFilterValues;
  onChange: (v: UserFilterValues) => void;
  mobile: boolean;
}) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const width = mobile ? '100%' : undefined;
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        defaultValue={value.q}
        placeholder={t('users.searchPlaceholder')}
        onSearch={(q) => onChange({ ...value, q: q.trim() })}
        style={{ width: width ?? 260 }}
        data-testid="user-search"
      />
      <UnitTreeSelect
        value={value.unitId}
        onChange={(unitId) => onChange({ ...value, unitId: unitId ?? undefined })}
        placeholder={t('users.unitFilter')}
        aria-label={t('users.unitFilter')}
        style={{ width: width ?? 220 }}
      />
      <Select<Role>
        allowClear
        value={value.role}
        placeholder={t('users.roleFilter')}
        onChange={(role) => onChange({ ...value, role: role ?? undefined })}
        options={ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
        style={{ width: width ?? 200 }}
        aria-label={t('users.roleFilter')}
      />
    </Flex>
  );
}
