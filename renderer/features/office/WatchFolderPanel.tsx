import { useQuery } from '@tanstack/react-query';
import { FolderSearch } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { WatchState } from '../../../shared/api/calls/office';
import { userMessage } from '../../../shared/api/error-text';
import { call, isDesktop } from '../../api/client';
import { callKey, queryClient, useCallMutation } from '../../api/queries';
import { useToasts } from '../../components/Toasts';
import { formatDateTime } from '../../components/format';
import './watch-folder.css';

/** How often the state is asked while a folder is watched (scans run every few seconds in the backend). */
const refreshMs = 2000;

/** Reads that show received packages: refreshed when the watcher has received more. */
const receivedViews = ['office.submissions', 'office.submission', 'office.matrix', 'office.rollup'];

/**
 * The watched folder on the inbox (收件) screen: which folder, its state in words, when it
 * was last checked and what came in. Choosing a folder needs the desktop app's dialog; in a
 * browser the dev host's --watch names it, and the panel says so.
 */
export function WatchFolderPanel() {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const fail = (error: unknown) => toasts.show('error', userMessage(error, t));
  const watchState = useQuery({
    queryKey: callKey('office.watchState', {}),
    queryFn: () => call('office.watchState', {}),
    // Nothing changes by itself while no folder is watched.
    refetchInterval: (query) => (query.state.data && query.state.data.state !== 'off' ? refreshMs : false),
  });
  const watch = useCallMutation('office.watch', {
    onSuccess: (state) =>
      toasts.show('success', state.folder === null ? t('office.watch.stopped') : t('office.watch.started', { folder: state.folder })),
  });
  useRefreshOnReceived(watchState.data);

  const choose = async () => {
    try {
      const [folder] = await call('files.pick', { purpose: 'packages', multiple: false, folders: true });
      if (folder) watch.mutate({ fileId: folder.id }, { onError: fail });
    } catch (error) {
      fail(error);
    }
  };

  const state = watchState.data;
  return (
    <section className="card watch-folder" aria-labelledby="watch-folder-title">
      <h2 id="watch-folder-title" className="card-title">
        <FolderSearch size={16} aria-hidden />
        {t('office.watch.title')}
      </h2>
      <p className="field-hint">{t('office.watch.hint')}</p>
      {watchState.error && (
        <p role="alert" className="watch-folder-problem">
          {userMessage(watchState.error, t)}
        </p>
      )}
      {state && (
        <dl className="watch-folder-facts">
          <dt>{t('office.watch.folder')}</dt>
          <dd className="watch-folder-path">{state.folder ?? t('office.watch.none')}</dd>
          <dt>{t('office.watch.state')}</dt>
          <dd>
            <span className={`watch-state watch-state-${state.state}`} role="status">
              {t(`office.watch.states.${state.state}`)}
            </span>
            {state.state === 'unavailable' && state.problem && <p className="watch-folder-problem">{state.problem}</p>}
          </dd>
          {state.folder !== null && (
            <>
              <dt>{t('office.watch.lastScan')}</dt>
              <dd>{state.lastScanAt ? formatDateTime(state.lastScanAt, i18n.language) : t('office.watch.never')}</dd>
              <dd className="watch-folder-counts">{t('office.watch.counts', state.counts)}</dd>
            </>
          )}
        </dl>
      )}
      <div className="field-row">
        {isDesktop && (
          <button type="button" className="button" disabled={watch.isPending} onClick={() => void choose()}>
            {state?.folder ? t('office.watch.change') : t('office.watch.choose')}
          </button>
        )}
        {state?.folder && (
          <button
            type="button"
            className="button"
            disabled={watch.isPending}
            onClick={() => watch.mutate({ fileId: null }, { onError: fail })}
          >
            {t('office.watch.stop')}
          </button>
        )}
      </div>
      {!isDesktop && <p className="field-hint">{t('office.watch.browserHint')}</p>}
    </section>
  );
}

/** When the watcher has taken in more packages, the inbox, matrix and roll-up show them without a manual refresh. */
function useRefreshOnReceived(state: WatchState | undefined): void {
  const seen = useRef<number | null>(null);
  const received = state ? state.counts.accepted + state.counts.duplicates + state.counts.refused : null;
  useEffect(() => {
    if (received === null) return;
    if (seen.current !== null && received > seen.current) {
      void queryClient.invalidateQueries({ predicate: (query) => receivedViews.includes(query.queryKey[0] as string) });
    }
    seen.current = received;
  }, [received]);
}
