import { CircleAlert } from 'lucide-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../app/router';

interface State {
  failed: boolean;
}

/**
 * A screen that throws while rendering shows what happened and a way out instead of a
 * blank window. It starts over when `resetKey` changes (the user went somewhere else).
 */
export class ErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The renderer has no log file; the console is what DevTools and the test runner see.
    // eslint-disable-next-line no-console
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <ScreenFailed /> : this.props.children;
  }
}

function ScreenFailed() {
  const { t } = useTranslation();
  return (
    <div className="error-panel" role="alert">
      <CircleAlert size={20} aria-hidden />
      <div>
        <strong>{t('failure.screenTitle')}</strong>
        <p>{t('failure.screenBody')}</p>
      </div>
      <button type="button" className="button" onClick={() => navigate('/')}>
        {t('failure.toDashboard')}
      </button>
    </div>
  );
}
