import { ClipboardPaste, Eye } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PASTED_CHARS } from '../../../shared/api/calls/plan';
import { typing } from '../../app/Shortcuts';

/**
 * The full text of a plan, pasted (from a PDF, a web page, an e-mail) to be previewed like a
 * file. Uncontrolled: a pasted circular can run to megabytes, and a controlled textarea would
 * re-render all of it on every key. Ctrl+V anywhere on the screen outside another field
 * pastes here; Ctrl+Enter previews.
 */
export function PasteBox({
  initialText,
  busy,
  onPreview,
  onTooLong,
  onChange,
}: {
  /** What was in the box before a preview was cancelled. */
  initialText: string;
  busy: boolean;
  onPreview: (text: string) => void;
  onTooLong: (chars: number) => void;
  /** The text as it is now, kept by the screen across a cancelled preview. */
  onChange: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLTextAreaElement>(null);
  const [chars, setChars] = useState(initialText.length);
  const [blank, setBlank] = useState(initialText.trim() === '');

  const update = (text: string) => {
    setChars(text.length);
    setBlank(text.trim() === '');
    onChange(text);
  };

  const preview = () => {
    const text = box.current?.value ?? '';
    if (busy || text.trim() === '') return;
    if (text.length > MAX_PASTED_CHARS) return onTooLong(text.length);
    onPreview(text);
  };

  // Ctrl+V with the focus outside any field (on the screen, a button, the list) pastes into the box.
  const latestUpdate = useRef(update);
  latestUpdate.current = update;
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (typing(event.target) || !box.current || box.current.readOnly) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (text === '') return;
      event.preventDefault();
      box.current.value = text;
      latestUpdate.current(text);
      box.current.focus();
      box.current.setSelectionRange(0, 0);
      box.current.scrollTop = 0;
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      preview();
    }
  };

  const clear = () => {
    if (!box.current) return;
    box.current.value = '';
    update('');
    box.current.focus();
  };

  return (
    <div className="paste-box">
      <label htmlFor="plan-paste" className="field-label">
        <ClipboardPaste size={16} aria-hidden />
        {t('plans.import.pasteLabel')}
      </label>
      <textarea
        ref={box}
        id="plan-paste"
        className="paste-text"
        defaultValue={initialText}
        placeholder={t('plans.import.pastePlaceholder')}
        rows={6}
        spellCheck={false}
        readOnly={busy}
        aria-describedby="plan-paste-hint"
        onInput={(event) => update(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div className="paste-actions">
        <p id="plan-paste-hint" className="field-hint">
          {t('plans.import.pasteHint')}
        </p>
        {chars > 0 && (
          <span className="paste-count muted" data-testid="paste-count">
            {t('plans.import.chars', { count: chars, formatted: new Intl.NumberFormat(i18n.language).format(chars) })}
          </span>
        )}
        {chars > 0 && (
          <button type="button" className="button" onClick={clear} disabled={busy}>
            {t('plans.import.clear')}
          </button>
        )}
        <button type="button" className="button button-primary" onClick={preview} disabled={busy || blank} aria-busy={busy}>
          {busy ? <span className="spinner spinner-on-primary" aria-hidden /> : <Eye size={16} aria-hidden />}
          {busy ? t('plans.import.previewing') : t('plans.import.preview')}
        </button>
      </div>
    </div>
  );
}
