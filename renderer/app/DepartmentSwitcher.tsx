import { Building2, Check, ChevronDown } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/api/calls/settings';
import { userMessage } from '../../shared/api/error-text';
import { useCallMutation } from '../api/queries';
import { useToasts } from '../components/Toasts';
import { navigate } from './router';

/** The department in the header: one click switches to a recent one; the choice is remembered. */
export function DepartmentSwitcher({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const choose = useCallMutation('settings.update', {
    onSuccess: (next) => toasts.show('success', t('plans.picker.chosen', { name: next.department ?? '' })),
  });

  useEffect(() => {
    if (!open) return undefined;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const others = settings.recentDepartments.filter((name) => name !== settings.department);
  const switchTo = (department: string) => {
    setOpen(false);
    choose.mutate({ department }, { onError: (error) => toasts.show('error', userMessage(error, t)) });
  };

  return (
    <div className="header-department" data-testid="header-department" ref={root}>
      <Building2 size={18} aria-hidden className="header-icon" />
      <button
        type="button"
        className="header-switch"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('plans.switcher.label')}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="header-text">
          <span className="header-label">{t('header.department')}</span>
          <span className={`header-value${settings.department ? '' : ' muted'}`}>{settings.department ?? t('header.noDepartment')}</span>
        </span>
        <ChevronDown size={16} aria-hidden />
      </button>
      {open && (
        <div className="menu" role="menu">
          {settings.department && (
            <div className="menu-item menu-item-current" role="menuitem" aria-disabled="true">
              <Check size={14} aria-hidden />
              {settings.department}
              <span className="muted">{t('plans.switcher.current')}</span>
            </div>
          )}
          {others.map((name) => (
            <button key={name} type="button" className="menu-item" role="menuitem" onClick={() => switchTo(name)}>
              {name}
            </button>
          ))}
          <div className="menu-separator" role="separator" />
          <button
            type="button"
            className="menu-item"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              navigate('/departments');
            }}
          >
            {t('plans.switcher.other')}
          </button>
        </div>
      )}
    </div>
  );
}
