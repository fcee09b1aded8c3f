import {
  FileCheck2,
  FileText,
  FolderOpen,
  Keyboard,
  LayoutDashboard,
  Printer,
  Search,
  Settings as SettingsIcon,
  type LucideIcon,
} from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { href } from './router';

export interface NavItem {
  path: string;
  labelKey: 'nav.dashboard' | 'nav.plans' | 'nav.search' | 'nav.print' | 'nav.reports' | 'nav.verify' | 'nav.settings';
  icon: LucideIcon;
}

export const navItems: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.dashboard', icon: LayoutDashboard },
  { path: '/search', labelKey: 'nav.search', icon: Search },
  { path: '/print/checklist', labelKey: 'nav.print', icon: Printer },
  { path: '/reports', labelKey: 'nav.reports', icon: FileText },
  { path: '/verify', labelKey: 'nav.verify', icon: FileCheck2 },
  { path: '/plans', labelKey: 'nav.plans', icon: FolderOpen },
  { path: '/settings', labelKey: 'nav.settings', icon: SettingsIcon },
];

function isActive(item: NavItem, path: string): boolean {
  if (item.path === '/') return path === '/' || path === '/departments' || path.startsWith('/measures/');
  return path === item.path || path.startsWith(`${item.path}/`);
}

export function Sidebar({ path, version, onHelp }: { path: string; version: string | undefined; onHelp: () => void }) {
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
          {navItems.map((item) => {
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
