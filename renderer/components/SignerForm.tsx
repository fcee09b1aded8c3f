import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeFingerprint } from '../../shared/report/manifest';
import { userMessage } from '../../shared/api/error-text';
import { useCallMutation } from '../api/queries';
import { useToasts } from './Toasts';
import './signer.css';

/**
 * Registers a trusted signer from a department's name and the fingerprint the department gave
 * the office by phone or letter (typed or pasted: spaces and case ignored). With `expected`
 * (the verify screen), only that fingerprint is accepted: registering what a report file
 * itself shows would trust whoever made the file.
 */
export function SignerForm({
  expected,
  initialDepartment = '',
  fingerprintLabel,
  onRegistered,
}: {
  expected?: string;
  initialDepartment?: string;
  /** Whose fingerprint is typed in (the department's by default; the office's, for a receipt). */
  fingerprintLabel?: string;
  onRegistered?: (department: string) => void;
}) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const [department, setDepartment] = useState(initialDepartment);
  const [given, setGiven] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const departmentId = useId();
  const fingerprintId = useId();
  const problemId = useId();
  const trust = useCallMutation('reports.trust');

  function submit(event: FormEvent): void {
    event.preventDefault();
    const fingerprint = normalizeFingerprint(given);
    if (fingerprint === null) return setProblem(t('reporting.verify.fingerprintInvalid'));
    if (expected !== undefined && fingerprint !== expected) return setProblem(t('reporting.verify.fingerprintDiffers'));
    setProblem(null);
    const name = department.trim();
    trust.mutate(
      { fingerprint, department: name },
      {
        onSuccess: () => {
          setDepartment(initialDepartment);
          setGiven('');
          toasts.show('success', t('reporting.trusted.added'));
          onRegistered?.(name);
        },
        onError: (error) => toasts.show('error', userMessage(error, t)),
      },
    );
  }

  return (
    <form className="trusted-add" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field-label" htmlFor={departmentId}>
          {t('reporting.trusted.department')}
        </label>
        <input
          id={departmentId}
          className="field-input"
          value={department}
          maxLength={100}
          onChange={(e) => setDepartment(e.target.value)}
        />
      </div>
      <div className="field trusted-add-fingerprint">
        <label className="field-label" htmlFor={fingerprintId}>
          {fingerprintLabel ?? t('reporting.verify.fingerprintInput')}
        </label>
        <textarea
          id={fingerprintId}
          className="field-input fingerprint-input"
          rows={2}
          spellCheck={false}
          autoComplete="off"
          value={given}
          placeholder={t('reporting.verify.fingerprintPlaceholder')}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          data-testid="trust-fingerprint"
          onChange={(e) => {
            setGiven(e.target.value);
            setProblem(null);
          }}
        />
      </div>
      <button type="submit" className="button" disabled={department.trim() === '' || given.trim() === '' || trust.isPending}>
        {expected === undefined ? t('reporting.trusted.add') : t('reporting.verify.register')}
      </button>
      {problem && (
        <p id={problemId} className="text-danger trusted-add-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
