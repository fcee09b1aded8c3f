import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, isDesktop } from '../api/client';
import { queryClient, useCall } from '../api/queries';
import { ErrorPanel, Loading } from '../components/ErrorPanel';
import { ToastProvider } from '../components/Toasts';
import { navigate, useRoute } from '../router';
import { DashboardScreen } from '../screens/DashboardScreen';
import { PlansScreen } from '../screens/PlansScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { MeasurePage } from '../workspace/MeasurePage';
import { PrintScreen } from '../print/PrintScreen';
import { SearchScreen } from '../workspace/SearchScreen';
import { RecoveryScreen } from '../screens/RecoveryScreen';
import { Header } from './Header';
import { ShortcutsDialog, useGlobalShortcuts } from './Shortcuts';
import { Sidebar } from './Sidebar';

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
      <Sidebar path={route.path} version={info.data?.version} onHelp={openHelp} />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <div className="app-main">
        <Header plan={plan.data} settings={settings.data} />
        <main className="app-content" id="main">
          {route.path === '/settings' ? (
            <SettingsScreen settings={settings.data} info={info.data} />
          ) : route.path === '/plans' ? (
            <PlansScreen />
          ) : route.path === '/search' ? (
            <SearchScreen initialQuery={route.params.get('q') ?? ''} />
          ) : route.path === '/print/checklist' ? (
            <PrintScreen params={route.params} defaultDepartment={settings.data.department} />
          ) : route.path.startsWith('/measures/') ? (
            <MeasurePage code={decodeURIComponent(route.path.slice('/measures/'.length))} />
          ) : (
            <DashboardScreen plan={plan} settings={settings.data} choosing={route.path === '/departments'} />
          )}
        </main>
      </div>
    </div>
  );
}

function isDamaged(error: unknown): boolean {
  return error instanceof ApiCallError && error.error.code === 'db.damaged';
}
