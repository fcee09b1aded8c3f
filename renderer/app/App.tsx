import { QueryClientProvider, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDesktop } from '../api/client';
import { queryClient, useCall } from '../api/queries';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ErrorPanel, Loading } from '../components/ErrorPanel';
import { ToastProvider } from '../components/Toasts';
import { decodePathSegment, navigate, useRoute, type Route } from './router';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { PlansScreen } from '../features/plans/PlansScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { MeasurePage } from '../features/measure/MeasurePage';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { LedgerScreen } from '../features/ledger/LedgerScreen';
import { VerifyScreen } from '../features/verify/VerifyScreen';
import { InboxScreen } from '../features/office/InboxScreen';
import { MatrixScreen } from '../features/office/MatrixScreen';
import { RollupScreen } from '../features/office/RollupScreen';
import { SubmissionScreen } from '../features/office/SubmissionScreen';
import type { AppInfo } from '../../shared/api/calls/app';
import type { FileRef } from '../../shared/api/calls/files';
import type { PlanSummary } from '../../shared/api/calls/plan';
import type { Settings } from '../../shared/api/calls/settings';
import { PrintScreen } from '../features/print/PrintScreen';
import { SearchScreen } from '../features/search/SearchScreen';
import { RecoveryScreen } from './RecoveryScreen';
import { Header } from './Header';
import { ShortcutsDialog, useGlobalShortcuts } from './Shortcuts';
import { Sidebar } from './Sidebar';
import { ApiCallError } from '../../shared/api/errors';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <Shell />
      </ToastProvider>
    </QueryClientProvider>
  );
}

function Shell() {
  const { i18n } = useTranslation();
  const route = useRoute();
  const settings = useCall('settings.get', {});
  const info = useCall('app.info', {});
  const plan = useCall('plans.active', {});
  const language = settings.data?.language;
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useGlobalShortcuts(openHelp);

  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);

  useEffect(() => {
    if (!isDesktop) return undefined;
    return window.planledger?.onMenuCommand((command) => {
      if (command === 'navigate:settings') navigate('/settings');
      if (command === 'navigate:dashboard') navigate('/');
      if (command === 'navigate:search') navigate('/search');
      if (command === 'show:shortcuts') setHelpOpen(true);
    });
  }, []);

  // A .plreport double-clicked on the desktop opens in the verify screen, wherever the user was.
  useEffect(() => {
    if (!isDesktop) return undefined;
    return window.planledger?.onOpenReport((file) => navigate('/verify', { file: file.id, name: file.name, size: String(file.size) }));
  }, []);

  if (settings.isPending) return <Loading />;
  if (settings.isError) {
    if (isDamaged(settings.error)) return <RecoveryScreen />;
    return <ErrorPanel error={settings.error} onRetry={() => void settings.refetch()} />;
  }

  // A print view opened bare (deep link, PDF rendering) is the document alone, without the app frame.
  if (route.path === '/print/checklist' && route.params.get('bare') === '1') {
    return <PrintScreen params={route.params} defaultDepartment={settings.data.department} />;
  }

  return (
    <div className="app-frame">
      <Sidebar path={route.path} version={info.data?.version} office={settings.data.office} onHelp={openHelp} />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <div className="app-main">
        <Header plan={plan.data} settings={settings.data} />
        <main className="app-content" id="main">
          <ErrorBoundary resetKey={`${route.path}?${route.params.toString()}`}>
            <Screen route={route} settings={settings.data} info={info.data} plan={plan} />
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}

function isDamaged(error: unknown): boolean {
  return error instanceof ApiCallError && error.error.code === 'db.damaged';
}

/** The screen for a route; the frame around it stays the same. */
function Screen({
  route,
  settings,
  info,
  plan,
}: {
  route: Route;
  settings: Settings;
  info: AppInfo | undefined;
  plan: UseQueryResult<PlanSummary | null>;
}) {
  const workspace = <DashboardScreen plan={plan} settings={settings} choosing={route.path === '/departments'} />;
  switch (route.path) {
    case '/settings':
      return <SettingsScreen settings={settings} info={info} />;
    case '/plans':
      return <PlansScreen />;
    case '/search':
      return <SearchScreen initialQuery={route.params.get('q') ?? ''} />;
    case '/print/checklist':
      return <PrintScreen params={route.params} defaultDepartment={settings.department} />;
    case '/verify':
      return <VerifyScreen initialFile={openedFile(route)} />;
    case '/office/inbox':
      return <InboxScreen />;
    case '/office/matrix':
      return <MatrixScreen granularity={route.params.get('granularity')} from={route.params.get('from')} to={route.params.get('to')} />;
    case '/office/rollup':
      return <RollupScreen code={route.params.get('measure')} />;
    case '/reports':
      // Reports are per department of a plan: without both, the dashboard asks for them first.
      return plan.data && settings.department ? (
        <ReportsScreen plan={plan.data} department={settings.department} initialPeriod={route.params.get('period')} />
      ) : (
        workspace
      );
    case '/ledger':
      // The ledger is a department's tasks in the active plan: without both, the dashboard asks for them first.
      return plan.data && settings.department ? <LedgerScreen /> : workspace;
    default:
      if (route.path.startsWith('/office/submissions/')) {
        return <SubmissionScreen id={Number(route.path.slice('/office/submissions/'.length))} />;
      }
      return route.path.startsWith('/measures/') ? (
        <MeasurePage code={decodePathSegment(route.path.slice('/measures/'.length))} focusTask={Number(route.params.get('task')) || null} />
      ) : (
        workspace
      );
  }
}

/** The report file the desktop handed over (see onOpenReport), from the route. */
function openedFile(route: Route): FileRef | null {
  const id = route.params.get('file');
  return id ? { id, name: route.params.get('name') ?? '', size: Number(route.params.get('size') ?? 0) } : null;
}
