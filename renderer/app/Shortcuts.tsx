import { Keyboard } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from './router';

/** Key names as printed on keyboards, the same in every language. */
const keys = {
  help: '?',
  search: 'Ctrl+F  /',
  dashboard: 'Alt+1',
  plans: 'Alt+2',
  searchPage: 'Alt+3',
  settingsPage: 'Alt+4',
  newTask: 'N',
  save: 'Enter',
  cancel: 'Esc',
  move: 'Alt+↑  Alt+↓',
  remove: 'Delete',
  undo: 'Ctrl+Z',
  next: 'Tab  Shift+Tab',
  pastePlan: 'Ctrl+V',
  previewPlan: 'Ctrl+Enter',
};

/** Whether a key went to a text field (where keys type rather than command). */
export function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable]') !== null;
}

/** Global keys: navigation, search and this help. Keys inside lists live with those lists. */
export function useGlobalShortcuts(openHelp: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        navigate('/search');
        return;
      }
      if (event.altKey && !event.ctrlKey && ['1', '2', '3', '4'].includes(event.key)) {
        event.preventDefault();
        navigate(['/', '/plans', '/search', '/settings'][Number(event.key) - 1] as string);
        return;
      }
      if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '?') {
        event.preventDefault();
        openHelp();
      } else if (event.key === '/') {
        event.preventDefault();
        navigate('/search');
      } else if (event.key.toLowerCase() === 'n') {
        const input = document.querySelector<HTMLInputElement>('[data-testid="new-task"]');
        if (input) {
          event.preventDefault();
          input.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openHelp]);
}

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);

  const row = (label: string, key: string) => (
    <tr key={`${label}-${key}`}>
      <td>{label}</td>
      <td>
        <kbd>{key}</kbd>
      </td>
    </tr>
  );

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title" className="dialog-title">
        <Keyboard size={18} aria-hidden />
        {t('shortcuts.title')}
      </h2>
      <div className="shortcut-columns">
        <table className="shortcut-table">
          <caption>{t('shortcuts.global')}</caption>
          <tbody>
            {row(t('shortcuts.items.help'), keys.help)}
            {row(t('shortcuts.items.search'), keys.search)}
            {row(t('shortcuts.items.dashboard'), keys.dashboard)}
            {row(t('shortcuts.items.plans'), keys.plans)}
            {row(t('search.title'), keys.searchPage)}
            {row(t('shortcuts.items.settingsPage'), keys.settingsPage)}
            {row(t('shortcuts.items.next'), keys.next)}
            {row(t('shortcuts.items.pastePlan'), keys.pastePlan)}
            {row(t('shortcuts.items.previewPlan'), keys.previewPlan)}
          </tbody>
        </table>
        <table className="shortcut-table">
          <caption>{t('shortcuts.tasks')}</caption>
          <tbody>
            {row(t('shortcuts.items.newTask'), keys.newTask)}
            {row(t('shortcuts.items.save'), keys.save)}
            {row(t('shortcuts.items.cancel'), keys.cancel)}
            {row(t('shortcuts.items.move'), keys.move)}
            {row(t('shortcuts.items.remove'), keys.remove)}
            {row(t('shortcuts.items.undo'), keys.undo)}
          </tbody>
        </table>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}
