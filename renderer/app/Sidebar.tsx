import {
  FileCheck2,
  FileText,
  FileSpreadsheet,
  FolderOpen,
  Inbox,
  Keyboard,
  Layers,
  LayoutDashboard,
  Printer,
  Search,
  Settings as SettingsIcon,
  Table2,
  type LucideIcon,
} from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { href } from './router';

export interface NavItem {
  path: string;
  labelKey:
    | 'nav.dashboard'
    | 'nav.plans'
    | 'nav.search'
    | 'nav.print'
    | 'nav.reports'
    | 'nav.ledger'
    | 'nav.verify'
    | 'nav.settings'
    | 'office.nav.inbox'
    | 'office.nav.matrix'
    | 'office.nav.rollup';
  icon: LucideIcon;
  /** Shown only when this install acts as the receiving office (Settings.office). */
  office?: true;
}

export const navItems: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.dashboard', icon: LayoutDashboard },
  { path: '/search', labelKey: 'nav.search', icon: Search },
  { path: '/print/checklist', labelKey: 'nav.print', icon: Printer },
  { path: '/reports', labelKey: 'nav.reports', icon: FileText },
  { path: '/ledger', labelKey: 'nav.ledger', icon: FileSpreadsheet },
  { path: '/verify', labelKey: 'nav.verify', icon: FileCheck2 },
  { path: '/office/inbox', labelKey: 'office.nav.inbox', icon: Inbox, office: true },
  { path: '/office/matrix', labelKey: 'office.nav.matrix', icon: Table2, office: true },
  { path: '/office/rollup', labelKey: 'office.nav.rollup', icon: Layers, office: true },
  { path: '/plans', labelKey: 'nav.plans', icon: FolderOpen },
  { path: '/settings', labelKey: 'nav.settings', icon: SettingsIcon },
];

function isActive(item: NavItem, path: string): boolean {
  if (item.path === '/') return path === '/' || path === '/departments' || path.startsWith('/measures/');
  // A submission is opened from the inbox (or the matrix): the inbox stays lit.
  if (item.path === '/office/inbox' && path.startsWith('/office/submissions/')) return true;
  return path === item.path || path.startsWith(`${item.path}/`);
}

export function Sidebar({
  path,
  version,
  office,
  onHelp,
}: {
  path: string;
  version: string | undefined;
  office: boolean;
  onHelp: () => void;
}) {
  const { t } = useTranslation();
  return (
    <aside className="sidebar">
      <div className="brand">
        <img className="brand-mark" src="/favicon.svg" alt="" />
        <div>
          <div className="brand-name">{t('app.name')}</div>
          <div className="brand-tagline">{t('app.tagline')}</div>
        </div>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {navItems
            .filter((item) => office || !item.office)
            .map((item) => {
              const Icon = item.icon;
              const active = isActive(item, path);
              return (
                <li key={item.path}>
                  <a className={`nav-link${active ? ' active' : ''}`} href={href(item.path)} aria-current={active ? 'page' : undefined}>
                    <Icon size={18} aria-hidden />
                    <span>{t(item.labelKey)}</span>
                  </a>
                </li>
              );
            })}
        </ul>
      </nav>
      <div className="sidebar-footer">
        <button type="button" className="sidebar-help" onClick={onHelp}>
          <Keyboard size={16} aria-hidden />
          {t('shortcuts.open')}
          <kbd>?</kbd>
        </button>
        {version && <span>{t('app.version', { version })}</span>}
      </div>
    </aside>
  );
}
