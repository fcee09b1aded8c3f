import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An "are you sure?" question in place: Cancel first and focused, so a stray Enter
 * never carries out what is asked about. `children` (e.g. passphrase fields) sit between
 * the question and the buttons; Enter in one of them confirms.
 */
export function InlineConfirm({
  question,
  confirmLabel,
  cancelLabel,
  busy,
  danger = false,
  onConfirm,
  onCancel,
  children,
}: {
  question: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  busy: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const questionId = useId();
  function submit(event: FormEvent): void {
    event.preventDefault();
    if (!busy) onConfirm();
  }

  return (
    <div className={`inline-confirm${danger ? ' inline-confirm-danger' : ''}`} role="alertdialog" aria-labelledby={questionId}>
      <form onSubmit={submit} noValidate>
        <p id={questionId} className="inline-confirm-question">
          {question}
        </p>
        {children}
        <div className="inline-confirm-actions">
          <button type="button" className="button" disabled={busy} onClick={onCancel} autoFocus>
            {cancelLabel ?? t('actions.cancel')}
          </button>
          <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
