import type { Household } from '@fupin/domain/schemas/households';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Task } from '../api';
import { FlagIds, TypeTag } from '../tasks/tags';

/** Whose form this is: head, number, village and group, type, form, flags. */
export function VisitHeader({ household: h, task }: { household: Household; task: Task }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 12 }} styles={{ body: { padding: 12 } }} data-testid="visit-household">
      <Flex justify="space-between" align="center" wrap gap={4}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {h.headName}
        </Typography.Title>
        <Flex gap={4} wrap>
          <TypeTag type={task.type} />
          <Tag>{t(`visits.formTypes.${task.formType}`)}</Tag>
        </Flex>
      </Flex>
      <Typography.Text type="secondary">
        {[h.householdNumber, [h.villageName, h.groupName].filter(Boolean).join(' ')].filter(Boolean).join(' · ')}
      </Typography.Text>
      <div style={{ marginTop: 4 }}>
        <FlagIds flags={h.flags} />
      </div>
    </Card>
  );
}
