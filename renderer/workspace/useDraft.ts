import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A field that edits locally and saves when the user is done (blur, Enter) or has paused
 * typing for `idleMs`, so nothing typed is lost even if the window closes mid-sentence.
 * Server updates replace the draft only while the field is not being edited.
 */
export function useDraft(value: string, save: (next: string) => void, idleMs: number | null = null) {
  const [draft, setDraft] = useState(value);
  const editing = useRef(false);
  const timer = useRef<number | null>(null);
  const latest = useRef({ draft, value, save });
  latest.current = { draft, value, save };

  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);

  const flush = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const { draft: current, value: saved, save: persist } = latest.current;
    if (current !== saved) persist(current);
  }, []);

  useEffect(() => flush, [flush]);

  return {
    draft,
    set(next: string) {
      editing.current = true;
      setDraft(next);
      if (idleMs !== null) {
        if (timer.current !== null) window.clearTimeout(timer.current);
        timer.current = window.setTimeout(flush, idleMs);
      }
    },
    commit() {
      editing.current = false;
      flush();
    },
    revert() {
      editing.current = false;
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
      setDraft(latest.current.value);
    },
  };
}
