/** The menu: each page with the permission it needs (the same names the server checks). */
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  ControlOutlined,
  DashboardOutlined,
  DiffOutlined,
  EditOutlined,
  ExceptionOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FundOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  HomeOutlined,
  InteractionOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  SettingOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { Permission } from '@fupin/domain';
import type { Me } from '@fupin/domain/schemas/users';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { readsCompetition } from '../modules/competition/access';
import { readsCounty } from '../modules/dashboard/home';
import { readsSummaries, readsTownship } from '../modules/problems/access';
import type { NavItem } from '../ui/AppLayout';

interface NavEntry {
  path: string;
  icon: ReactNode;
  label: (t: TFunction) => string;
  permission?: Permission;
  /** a further condition on the person's roles (a page of the township's, say) */
  show?: (me: Me) => boolean;
}

export const NAV: NavEntry[] = [
  { path: '/', icon: <HomeOutlined />, label: (t) => t('nav.home') },
  {
    path: '/dashboard',
    icon: <FundProjectionScreenOutlined />,
    label: (t) => t('nav.dashboard'),
    permission: 'dashboard.read',
    // a county role's dashboard is the county view, its own entry
    show: (me) => !readsCounty(me),
  },
  {
    path: '/dashboard/county',
    icon: <GlobalOutlined />,
    label: (t) => t('nav.countyDashboard'),
    permission: 'dashboard.read',
    show: readsCounty,
  },
  { path: '/registry', icon: <SolutionOutlined />, label: (t) => t('nav.registry'), permission: 'household.read' },
  {
    path: '/registry/import',
    icon: <CloudUploadOutlined />,
    label: (t) => t('nav.registryImport'),
    permission: 'household.manage',
  },
  { path: '/visits', icon: <CarryOutOutlined />, label: (t) => t('nav.visits'), permission: 'visit.submit' },
  { path: '/visits/review', icon: <DiffOutlined />, label: (t) => t('nav.visitReview'), permission: 'household.manage' },
  { path: '/visits/summary', icon: <TableOutlined />, label: (t) => t('nav.visitSummary'), permission: 'summary.submit' },
  { path: '/visits/overview', icon: <DashboardOutlined />, label: (t) => t('nav.visitOverview'), permission: 'campaign.manage' },
  { path: '/problems', icon: <ExceptionOutlined />, label: (t) => t('nav.problems'), permission: 'problem.read' },
  { path: '/inspections', icon: <FileSearchOutlined />, label: (t) => t('nav.inspections'), permission: 'inspection.submit' },
  {
    path: '/crosschecks',
    icon: <InteractionOutlined />,
    label: (t) => t('nav.crosschecks'),
    permission: 'inspection.crosscheck',
  },
  {
    path: '/inspections/summary',
    icon: <ProfileOutlined />,
    label: (t) => t('nav.inspectionSummary'),
    permission: 'problem.read',
    show: readsSummaries,
  },
  { path: '/orders', icon: <FileProtectOutlined />, label: (t) => t('nav.orders'), permission: 'problem.read' },
  {
    path: '/problems/meeting',
    icon: <FundOutlined />,
    label: (t) => t('nav.meeting'),
    permission: 'problem.read',
    show: (me) => readsTownship(me),
  },
  { path: '/competition', icon: <TrophyOutlined />, label: (t) => t('nav.competition'), permission: 'competition.read' },
  {
    path: '/competition/score',
    icon: <EditOutlined />,
    label: (t) => t('nav.competitionScore'),
    permission: 'competition.score',
  },
  {
    path: '/competition/year',
    icon: <BarChartOutlined />,
    label: (t) => t('nav.competitionYear'),
    permission: 'competition.read',
    show: readsCompetition,
  },
  { path: '/rules', icon: <ControlOutlined />, label: (t) => t('nav.rules'), permission: 'rules.read' },
  {
    path: '/settings/checklists',
    icon: <OrderedListOutlined />,
    label: (t) => t('nav.checklists'),
    permission: 'campaign.manage',
  },
  {
    path: '/competition/settings',
    icon: <SettingOutlined />,
    label: (t) => t('nav.competitionSettings'),
    permission: 'competition.manage',
  },
  { path: '/admin/units', icon: <ApartmentOutlined />, label: (t) => t('nav.units'), permission: 'unit.read' },
  { path: '/admin/users', icon: <TeamOutlined />, label: (t) => t('nav.users'), permission: 'user.read' },
  {
    path: '/accountability',
    icon: <AlertOutlined />,
    label: (t) => t('nav.accountability'),
    permission: 'accountability.read',
  },
  { path: '/audit', icon: <AuditOutlined />, label: (t) => t('nav.audit'), permission: 'audit.read' },
];

/** The menu entries a person may use. */
export function navFor(me: Me, t: TFunction): NavItem[] {
  return NAV.filter((n) => (!n.permission || me.permissions.includes(n.permission)) && (!n.show || n.show(me))).map((n) => ({
    key: n.path,
    icon: n.icon,
    label: n.label(t),
  }));
}

/** The menu key of a location: the longest entry path it starts with. */
export function selectedNavKey(pathname: string): string {
  const match = NAV.filter((n) => n.path !== '/' && pathname.startsWith(n.path)).sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? (pathname === '/' ? '/' : '');
}
