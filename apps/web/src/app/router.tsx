/**
 * Routes. Every page is its own chunk (React.lazy), so the login page loads without the code of
 * the tables and trees behind it. Declarative routing (BrowserRouter) rather than the data
 * router: the app loads its data with React Query, and the data router costs ~16 kB gzip more
 * on the first load.
 */
import { useQueryClient } from '@tanstack/react-query';
import { lazy, useEffect, useRef } from 'react';
import { BrowserRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { onAuthFailure } from '../api/client';
import { withNext } from '../modules/auth/next-path';
import { VisitSyncGate } from '../modules/visits/offline/VisitSyncGate';
import { RequirePermission, RequireSession } from './guards';

// The signed-in frame (menu, drawer, dropdown) is not needed to show the login page.
const Shell = lazy(() => import('./Shell').then((m) => ({ default: m.Shell })));
const LoginPage = lazy(() => import('../pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const ChangePasswordPage = lazy(() => import('../pages/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));
const HomePage = lazy(() => import('../pages/HomePage').then((m) => ({ default: m.HomePage })));
const UnitsPage = lazy(() => import('../pages/UnitsPage').then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import('../pages/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../pages/AuditPage').then((m) => ({ default: m.AuditPage })));
const RegistryPage = lazy(() => import('../pages/RegistryPage').then((m) => ({ default: m.RegistryPage })));
const HouseholdPage = lazy(() => import('../pages/HouseholdPage').then((m) => ({ default: m.HouseholdPage })));
const RegistryImportPage = lazy(() => import('../pages/RegistryImportPage').then((m) => ({ default: m.RegistryImportPage })));
const RulesPage = lazy(() => import('../pages/RulesPage').then((m) => ({ default: m.RulesPage })));
const RulesSetPage = lazy(() => import('../pages/RulesSetPage').then((m) => ({ default: m.RulesSetPage })));
const RulesEditPage = lazy(() => import('../pages/RulesEditPage').then((m) => ({ default: m.RulesEditPage })));
const VisitsPage = lazy(() => import('../pages/VisitsPage').then((m) => ({ default: m.VisitsPage })));
const VisitFormPage = lazy(() => import('../pages/VisitFormPage').then((m) => ({ default: m.VisitFormPage })));
const VisitReviewPage = lazy(() => import('../pages/VisitReviewPage').then((m) => ({ default: m.VisitReviewPage })));
const VisitSummaryPage = lazy(() => import('../pages/VisitSummaryPage').then((m) => ({ default: m.VisitSummaryPage })));
const VisitOverviewPage = lazy(() => import('../pages/VisitOverviewPage').then((m) => ({ default: m.VisitOverviewPage })));
const VisitRecordPage = lazy(() => import('../pages/VisitRecordPage').then((m) => ({ default: m.VisitRecordPage })));
const ProblemsPage = lazy(() => import('../pages/ProblemsPage').then((m) => ({ default: m.ProblemsPage })));
const ProblemPage = lazy(() => import('../pages/ProblemPage').then((m) => ({ default: m.ProblemPage })));
const MeetingPage = lazy(() => import('../pages/MeetingPage').then((m) => ({ default: m.MeetingPage })));
const InspectionsPage = lazy(() => import('../pages/InspectionsPage').then((m) => ({ default: m.InspectionsPage })));
const InspectionSummaryPage = lazy(() =>
  import('../pages/InspectionSummaryPage').then((m) => ({ default: m.InspectionSummaryPage })),
);
const CrosscheckPage = lazy(() => import('../pages/CrosscheckPage').then((m) => ({ default: m.CrosscheckPage })));
const OrdersPage = lazy(() => import('../pages/OrdersPage').then((m) => ({ default: m.OrdersPage })));
const OrderPage = lazy(() => import('../pages/OrderPage').then((m) => ({ default: m.OrderPage })));
const ChecklistSettingsPage = lazy(() =>
  import('../pages/ChecklistSettingsPage').then((m) => ({ default: m.ChecklistSettingsPage })),
);
const CompetitionPage = lazy(() => import('../pages/CompetitionPage').then((m) => ({ default: m.CompetitionPage })));
const CompetitionRoundPage = lazy(() =>
  import('../pages/CompetitionRoundPage').then((m) => ({ default: m.CompetitionRoundPage })),
);
const CompetitionScorePage = lazy(() =>
  import('../pages/CompetitionScorePage').then((m) => ({ default: m.CompetitionScorePage })),
);
const CompetitionBulletinPage = lazy(() =>
  import('../pages/CompetitionBulletinPage').then((m) => ({ default: m.CompetitionBulletinPage })),
);
const CompetitionSettingsPage = lazy(() =>
  import('../pages/CompetitionSettingsPage').then((m) => ({ default: m.CompetitionSettingsPage })),
);
const CompetitionYearPage = lazy(() => import('../pages/CompetitionYearPage').then((m) => ({ default: m.CompetitionYearPage })));
const DashboardPage = lazy(() => import('../pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const DashboardListPage = lazy(() => import('../pages/DashboardListPage').then((m) => ({ default: m.DashboardListPage })));
const DashboardCountyPage = lazy(() => import('../pages/DashboardCountyPage').then((m) => ({ default: m.DashboardCountyPage })));
const AccountabilityPage = lazy(() => import('../pages/AccountabilityPage').then((m) => ({ default: m.AccountabilityPage })));
const AccountabilityLapsesPage = lazy(() =>
  import('../pages/AccountabilityLapsesPage').then((m) => ({ default: m.AccountabilityLapsesPage })),
);
const NotificationsPage = lazy(() => import('../pages/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const AccountPage = lazy(() => import('../pages/AccountPage').then((m) => ({ default: m.AccountPage })));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

/**
 * A request anywhere that finds the session gone sends the person to log in, keeping the page
 * they were on; a forced password change sends them to change it first.
 */
function AuthRedirects() {
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const here = useRef(location);
  here.current = location;
  useEffect(() => {
    onAuthFailure((failure) => {
      const { pathname, search } = here.current;
      const path = `${pathname}${search}`;
      if (failure === 'unauthenticated') {
        if (pathname === '/login') return;
        void Promise.resolve(navigate(withNext('/login', path), { replace: true })).then(() => client.removeQueries());
      } else if (pathname !== '/change-password') {
        void client.invalidateQueries({ queryKey: ['me'] });
        void navigate(withNext('/change-password', path), { replace: true });
      }
    });
  }, [navigate, client]);
  return null;
}

export function AppRoutes() {
  return (
    <BrowserRouter>
      <AuthRedirects />
      <VisitSyncGate />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="/change-password"
          element={
            <RequireSession passwordChangePage>
              <ChangePasswordPage />
            </RequireSession>
          }
        />
        <Route
          path="/"
          element={
            <RequireSession>
              <Shell />
            </RequireSession>
          }
        >
          <Route index element={<HomePage />} />
          <Route
            path="registry"
            element={
              <RequirePermission permission="household.read">
                <RegistryPage />
              </RequirePermission>
            }
          />
          <Route
            path="registry/import"
            element={
              <RequirePermission permission="household.manage">
                <RegistryImportPage />
              </RequirePermission>
            }
          />
          <Route
            path="registry/:id"
            element={
              <RequirePermission permission="household.read">
                <HouseholdPage />
              </RequirePermission>
            }
          />
          <Route
            path="rules"
            element={
              <RequirePermission permission="rules.read">
                <RulesPage />
              </RequirePermission>
            }
          />
          <Route
            path="rules/:id"
            element={
              <RequirePermission permission="rules.read">
                <RulesSetPage />
              </RequirePermission>
            }
          />
          <Route
            path="rules/:id/edit"
            element={
              <RequirePermission permission="rules.manage">
                <RulesEditPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/units"
            element={
              <RequirePermission permission="unit.read">
                <UnitsPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/users"
            element={
              <RequirePermission permission="user.read">
                <UsersPage />
              </RequirePermission>
            }
          />
          <Route
            path="visits"
            element={
              <RequirePermission permission="visit.submit">
                <VisitsPage />
              </RequirePermission>
            }
          />
          <Route
            path="visits/:householdId/new"
            element={
              <RequirePermission permission="visit.submit">
                <VisitFormPage />
              </RequirePermission>
            }
          />
          <Route
            path="visits/review"
            element={
              <RequirePermission permission="household.manage">
                <VisitReviewPage />
              </RequirePermission>
            }
          />
          <Route
            path="visits/summary"
            element={
              <RequirePermission permission="visit.read">
                <VisitSummaryPage />
              </RequirePermission>
            }
          />
          <Route
            path="visits/overview"
            element={
              <RequirePermission permission="visit.read">
                <VisitOverviewPage />
              </RequirePermission>
            }
          />
          <Route
            path="visits/record/:visitId"
            element={
              <RequirePermission permission="visit.read">
                <VisitRecordPage />
              </RequirePermission>
            }
          />
          <Route
            path="problems"
            element={
              <RequirePermission permission="problem.read">
                <ProblemsPage />
              </RequirePermission>
            }
          />
          <Route
            path="problems/meeting"
            element={
              <RequirePermission permission="problem.read">
                <MeetingPage />
              </RequirePermission>
            }
          />
          <Route
            path="problems/:id"
            element={
              <RequirePermission permission="problem.read">
                <ProblemPage />
              </RequirePermission>
            }
          />
          <Route
            path="inspections"
            element={
              <RequirePermission permission="inspection.submit">
                <InspectionsPage />
              </RequirePermission>
            }
          />
          <Route
            path="inspections/summary"
            element={
              <RequirePermission permission="problem.read">
                <InspectionSummaryPage />
              </RequirePermission>
            }
          />
          <Route
            path="crosschecks"
            element={
              <RequirePermission permission="inspection.crosscheck">
                <CrosscheckPage />
              </RequirePermission>
            }
          />
          <Route
            path="orders"
            element={
              <RequirePermission permission="problem.read">
                <OrdersPage />
              </RequirePermission>
            }
          />
          <Route
            path="orders/:id"
            element={
              <RequirePermission permission="problem.read">
                <OrderPage />
              </RequirePermission>
            }
          />
          <Route
            path="settings/checklists"
            element={
              <RequirePermission permission="campaign.manage">
                <ChecklistSettingsPage />
              </RequirePermission>
            }
          />
          <Route
            path="competition"
            element={
              <RequirePermission permission="competition.read">
                <CompetitionPage />
              </RequirePermission>
            }
          />
          <Route
            path="competition/rounds/:id"
            element={
              <RequirePermission permission="competition.read">
                <CompetitionRoundPage />
              </RequirePermission>
            }
          />
          <Route
            path="competition/rounds/:id/bulletin"
            element={
              <RequirePermission permission="competition.read">
                <CompetitionBulletinPage />
              </RequirePermission>
            }
          />
          <Route
            path="competition/score"
            element={
              <RequirePermission permission="competition.score">
                <CompetitionScorePage />
              </RequirePermission>
            }
          />
          <Route
            path="competition/settings"
            element={
              <RequirePermission permission="competition.manage">
                <CompetitionSettingsPage />
              </RequirePermission>
            }
          />
          <Route
            path="competition/year"
            element={
              <RequirePermission permission="competition.read">
                <CompetitionYearPage />
              </RequirePermission>
            }
          />
          <Route
            path="audit"
            element={
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            }
          />
          <Route
            path="dashboard"
            element={
              <RequirePermission permission="dashboard.read">
                <DashboardPage />
              </RequirePermission>
            }
          />
          <Route
            path="dashboard/county"
            element={
              <RequirePermission permission="dashboard.read">
                <DashboardCountyPage />
              </RequirePermission>
            }
          />
          <Route
            path="dashboard/visits"
            element={
              <RequirePermission permission="dashboard.read">
                <DashboardListPage list="visits" />
              </RequirePermission>
            }
          />
          <Route
            path="dashboard/problems"
            element={
              <RequirePermission permission="dashboard.read">
                <DashboardListPage list="problems" />
              </RequirePermission>
            }
          />
          <Route
            path="dashboard/summaries"
            element={
              <RequirePermission permission="dashboard.read">
                <DashboardListPage list="summaries" />
              </RequirePermission>
            }
          />
          <Route
            path="accountability"
            element={
              <RequirePermission permission="accountability.read">
                <AccountabilityPage />
              </RequirePermission>
            }
          />
          <Route
            path="accountability/lapses"
            element={
              <RequirePermission permission="accountability.read">
                <AccountabilityLapsesPage />
              </RequirePermission>
            }
          />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
