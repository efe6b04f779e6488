import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { MEMBER_STATUSES, RELATIONS } from '@fupin/domain';
import { Button, Collapse, Empty, Flex, Form, type FormInstance, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../api/client';
import { emptyMember, type HouseholdValues } from '../form-values';
import { useRegistryLabels } from '../labels';
import { MemberFields } from './MemberFields';

interface Props {
  form: FormInstance<HouseholdValues>;
  today: string;
  mobile: boolean;
  /** ids of the members whose panels are open */
  open: string[];
  onOpen: (ids: string[]) => void;
}

function MemberHeader({ form, index }: { form: FormInstance<HouseholdValues>; index: number }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const name = Form.useWatch(['members', index, 'name'], form) as string | undefined;
  const relation = Form.useWatch(['members', index, 'relation'], form) as string | undefined;
  const status = Form.useWatch(['members', index, 'status'], form) as string | undefined;
  return (
    <Flex gap={6} align="center" wrap style={{ minWidth: 0 }}>
      <Typography.Text strong>{name?.trim() || t('registry.member.unnamed')}</Typography.Text>
      <Typography.Text type="secondary">{labels.code(RELATIONS, relation)}</Typography.Text>
      {status && status !== 'current' ? <Tag color="default">{labels.code(MEMBER_STATUSES, status)}</Tag> : null}
    </Flex>
  );
}

/**
 * 成员: one folding panel per member. A member who moved out or died stays, with the status and
 * its date; removing is for one entered by mistake, and asks first.
 */
export function MembersEditor({ form, today, mobile, open, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <Form.List name="members">
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8} data-testid="members-editor">
          {fields.length === 0 ? (
            <Empty description={t('registry.member.noMembers')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : null}
          <Collapse
            activeKey={open}
            onChange={(keys) => onOpen(Array.isArray(keys) ? keys.map(String) : [String(keys)])}
            items={fields.map((field) => {
              const id = String(form.getFieldValue(['members', field.name, 'id']));
              const name = (form.getFieldValue(['members', field.name, 'name']) as string | undefined)?.trim();
              return {
                key: id,
                forceRender: true,
                label: <MemberHeader form={form} index={field.name} />,
                extra: (
                  <Popconfirm
                    title={t('registry.member.removeConfirm', { name: name || t('registry.member.unnamed') })}
                    description={<div style={{ maxWidth: 280 }}>{t('registry.member.removeHelp')}</div>}
                    okText={t('registry.member.remove')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove(field.name)}
                    onPopupClick={(e) => e.stopPropagation()}
                  >
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('registry.member.remove')}
                      onClick={(e) => e.stopPropagation()}
                    >
                      {mobile ? null : t('registry.member.remove')}
                    </Button>
                  </Popconfirm>
                ),
                children: <MemberFields form={form} index={field.name} today={today} mobile={mobile} />,
              };
            })}
          />
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            block
            onClick={() => {
              const members = (form.getFieldValue('members') as HouseholdValues['members'] | undefined) ?? [];
              const member = emptyMember(newId(), members.length === 0 ? 'head' : 'other');
              add(member);
              onOpen([...open, member.id]);
            }}
            data-testid="member-add"
          >
            {t('registry.member.add')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
