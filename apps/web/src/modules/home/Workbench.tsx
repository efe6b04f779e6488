import { ApartmentOutlined, AuditOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import type { Permission } from '@fupin/domain';
import type { Me } from '@fupin/domain/schemas/users';
import { Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RoleTags } from '../auth/RoleTags';

interface QuickLink {
  to: string;
  icon: ReactNode;
  title: string;
  description: string;
  permission?: Permission;
}

function greetingKey(hour: number) {
  return hour < 12 ? 'home.morning' : hour < 18 ? 'home.afternoon' : 'home.evening';
}

/** The home page: who I am, what roles I hold where, and the pages I may open. Nothing invented. */
export function Workbench({ me }: { me: Me }) {
  const { t } = useTranslation();
  const links: QuickLink[] = [
    {
      to: '/admin/units',
      icon: <ApartmentOutlined />,
      title: t('nav.units'),
      description: t('home.linkUnits'),
      permission: 'unit.read',
    },
    {
      to: '/admin/users',
      icon: <TeamOutlined />,
      title: t('nav.users'),
      description: t('home.linkUsers'),
      permission: 'user.read',
    },
    { to: '/audit', icon: <AuditOutlined />, title: t('nav.audit'), description: t('home.linkAudit'), permission: 'audit.read' },
    { to: '/account', icon: <SafetyOutlined />, title: t('nav.account'), description: t('home.linkAccount') },
  ];
  const visible = links.filter((l) => !l.permission || me.permissions.includes(l.permission));
  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="greeting">
          {t(greetingKey(new Date().getHours()), { name: me.user.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.homeUnit', { unit: me.user.homeUnitName })}</Typography.Paragraph>
        <Typography.Text strong>{t('home.rolesTitle')}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          {me.user.roles.length ? (
            <RoleTags roles={me.user.roles} />
          ) : (
            <Typography.Text type="secondary">{t('home.noRoles')}</Typography.Text>
          )}
        </div>
      </Card>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('home.linksTitle')}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {visible.map((l) => (
          <Col key={l.to} xs={24} sm={12} lg={6}>
            <Link to={l.to}>
              <Card hoverable style={{ height: '100%' }}>
                <Flex gap={12} align="flex-start">
                  <span style={{ fontSize: 24, color: '#a8071a' }}>{l.icon}</span>
                  <div>
                    <Typography.Text strong>{l.title}</Typography.Text>
                    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                      {l.description}
                    </Typography.Paragraph>
                  </div>
                </Flex>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
