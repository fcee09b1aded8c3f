import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isDesktop } from '../api/client';
import { queryClient, useCall } from '../api/queries';
import { ErrorPanel, Loading } from '../components/ErrorPanel';
import { ToastProvider } from '../components/Toasts';
import { navigate, useRoute } from '../router';
import { DashboardScreen } from '../screens/DashboardScreen';
import { PlansScreen } from '../screens/PlansScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { MeasurePage } from '../workspace/MeasurePage';
import { Header } from './Header';
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

  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);

  useEffect(() => {
    if (!isDesktop) return undefined;
    return window.planledger?.onMenuCommand((command) => {
      if (command === 'navigate:settings') navigate('/settings');
      if (command === 'navigate:dashboard') navigate('/');
    });
  }, []);

  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorPanel error={settings.error} onRetry={() => void settings.refetch()} />;

  return (
    <div className="app-frame">
      <Sidebar path={route.path} version={info.data?.version} />
      <div className="app-main">
        <Header plan={plan.data} settings={settings.data} />
        <main className="app-content" id="main">
          {route.path === '/settings' ? (
            <SettingsScreen settings={settings.data} info={info.data} />
          ) : route.path === '/plans' ? (
            <PlansScreen />
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
