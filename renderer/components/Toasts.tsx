import { CheckCircle2, CircleAlert, X } from 'lucide-react';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type ToastKind = 'success' | 'error';
interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  action?: { label: string; run: () => void } | undefined;
}

interface ToastApi {
  show(kind: ToastKind, message: string, action?: Toast['action']): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts outside ToastProvider');
  return api;
}

/** Short confirmations and errors in the corner; errors stay until dismissed, confirmations fade. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      show(kind, message, action) {
        const id = nextId.current++;
        setToasts((all) => [...all.slice(-3), { id, kind, message, action }]);
        if (kind === 'success') window.setTimeout(() => dismiss(id), action ? 8000 : 3000);
      },
    }),
    [dismiss],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : undefined}>
            {toast.kind === 'success' ? <CheckCircle2 size={18} aria-hidden /> : <CircleAlert size={18} aria-hidden />}
            <span className="toast-message">{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                className="button button-link"
                onClick={() => {
                  toast.action?.run();
                  dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" className="icon-button" aria-label={t('actions.close')} onClick={() => dismiss(toast.id)}>
              <X size={16} aria-hidden />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
