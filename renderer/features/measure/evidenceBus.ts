import { useEffect, useRef, useSyncExternalStore } from 'react';

/**
 * Task rows ask the measure page's evidence card to add files (it owns the one progress
 * bar), and learn whether it is busy. A module-level channel, because the task rows and
 * the card sit in different cards of the page.
 */
export interface AttachRequest {
  taskId: number | null;
  /** Dropped files; absent means "let the user choose". */
  files?: File[];
}

type Listener = (request: AttachRequest) => void;
const listeners = new Set<Listener>();

/** Must be called from the user's click or drop (the browser's file chooser needs that gesture). */
export function requestAttach(request: AttachRequest): void {
  for (const listener of listeners) listener(request);
}

export function useAttachRequests(listener: Listener): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    const relay: Listener = (request) => latest.current(request);
    listeners.add(relay);
    return () => {
      listeners.delete(relay);
    };
  }, []);
}

let busy = false;
const busyListeners = new Set<() => void>();

export function setEvidenceBusy(value: boolean): void {
  if (busy === value) return;
  busy = value;
  for (const listener of busyListeners) listener();
}

export function useEvidenceBusy(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      busyListeners.add(onChange);
      return () => busyListeners.delete(onChange);
    },
    () => busy,
  );
}
