/**
 * The shell around every signed-in page: a red header with the product name, the language
 * switch and the user menu; a side menu on a desk, a drawer behind a menu button on a phone.
 * It only lays things out: what the menu holds and what the user menu does come from outside.
 */
import { LogoutOutlined, MenuOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Dropdown, Layout, Menu, type MenuProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { useIsMobile } from './use-is-mobile';

export interface NavItem {
  key: string;
  icon: ReactNode;
  label: string;
}

export interface AppLayoutProps {
  nav: NavItem[];
  selectedKey: string;
  onNavigate: (key: string) => void;
  userName: string;
  onAccount: () => void;
  onLogout: () => void;
  /** shown in the header before the language switch (the notification bell) */
  headerExtra?: ReactNode;
  children: ReactNode;
}

const headerText = { color: '#fff', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

function Brand({ short }: { short: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0, flex: '1 1 auto' }}>
      <img src="/favicon.svg" alt="" width={28} height={28} style={{ flex: 'none', borderRadius: 6, background: '#fff' }} />
      <span style={{ ...headerText, fontSize: short ? 17 : 18, fontWeight: 600 }} data-testid="brand">
        {short ? t('app.name') : t('app.fullName')}
      </span>
    </div>
  );
}

function UserMenu({
  userName,
  compact,
  onAccount,
  onLogout,
}: Pick<AppLayoutProps, 'userName' | 'onAccount' | 'onLogout'> & { compact: boolean }) {
  const { t } = useTranslation();
  const items: MenuProps['items'] = [
    { key: 'account', icon: <SafetyOutlined />, label: t('nav.account') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => (key === 'logout' ? onLogout() : onAccount());
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        icon={<UserOutlined />}
        aria-label={t('nav.userMenu')}
        style={{ color: '#fff', minHeight: 40, minWidth: 40, maxWidth: compact ? 120 : 220 }}
        data-testid="user-menu"
      >
        <span style={headerText}>{userName}</span>
      </Button>
    </Dropdown>
  );
}

export function AppLayout({
  nav,
  selectedKey,
  onNavigate,
  userName,
  onAccount,
  onLogout,
  headerExtra,
  children,
}: AppLayoutProps) {
  const mobile = useIsMobile();
  const { t } = useTranslation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const menu = (
    <nav data-testid="nav-menu">
      <Menu
        mode="inline"
        items={nav.map((n): NonNullable<MenuProps['items']>[number] => ({ key: n.key, icon: n.icon, label: n.label }))}
        selectedKeys={[selectedKey]}
        onClick={({ key }) => {
          setDrawerOpen(false);
          onNavigate(key);
        }}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 4, position: 'sticky', top: 0, zIndex: 20 }}>
        {mobile ? (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.openMenu')}
            onClick={() => setDrawerOpen(true)}
            style={{ color: '#fff', width: 40, height: 40 }}
            data-testid="menu-button"
          />
        ) : null}
        <Brand short={mobile} />
        {headerExtra}
        <LanguageSwitch compact={mobile} />
        <UserMenu userName={userName} compact={mobile} onAccount={onAccount} onLogout={onLogout} />
      </Layout.Header>
      <Layout>
        {mobile ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={260}
            title={t('app.fullName')}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider width={208} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: mobile ? 12 : 20, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
