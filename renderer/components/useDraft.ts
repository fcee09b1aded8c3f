import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Flushes of every draft with unsaved edits, so that closing or reloading the window saves
 * them: a debounced save still waiting, or a field the user never left. One module-level
 * registry, emptied on `pagehide` (and `beforeunload`, which comes first where it fires).
 */
const unsaved = new Set<() => void>();

/** Saves every draft that has unsaved edits, now. */
export function flushAllDrafts(): void {
  for (const flush of [...unsaved]) flush();
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', flushAllDrafts);
  window.addEventListener('pagehide', flushAllDrafts);
}

/**
 * A field that edits locally and saves when the user is done (blur, Enter) or has paused
 * typing for `idleMs`, so nothing typed is lost even if the window closes mid-sentence (see
 * flushAllDrafts). Server updates replace the draft only while the field is not being edited.
 * `save` may refuse a draft (e.g. a half-typed date) by calling `revert`.
 */
export function useDraft(value: string, save: (next: string) => void, idleMs: number | null = null) {
  const [draft, setDraft] = useState(value);
  const editing = useRef(false);
  const timer = useRef<number | null>(null);
  const latest = useRef({ draft, value, save });
  latest.current = { ...latest.current, value, save };

  useEffect(() => {
    if (!editing.current) {
      latest.current.draft = value;
      setDraft(value);
    }
  }, [value]);

  const clearTimer = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const flush = useCallback(() => {
    clearTimer();
    unsaved.delete(flush);
    const { draft: current, value: saved, save: persist } = latest.current;
    if (current !== saved) persist(current);
  }, [clearTimer]);

  useEffect(
    () => () => {
      flush();
      unsaved.delete(flush);
    },
    [flush],
  );

  return {
    draft,
    set(next: string) {
      editing.current = true;
      // Kept here too, not only in state: a flush on pagehide may run before React renders again.
      latest.current.draft = next;
      setDraft(next);
      unsaved.add(flush);
      if (idleMs !== null) {
        clearTimer();
        timer.current = window.setTimeout(flush, idleMs);
      }
    },
    commit() {
      editing.current = false;
      flush();
    },
    revert() {
      editing.current = false;
      clearTimer();
      unsaved.delete(flush);
      latest.current.draft = latest.current.value;
      setDraft(latest.current.value);
    },
  };
}
