import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { minPassphraseLength } from '../../shared/api/calls/reports';

/** Why a new passphrase cannot be used yet, or null: long enough and typed the same twice. */
export function checkNewPassphrase(passphrase: string, confirm: string, t: TFunction): string | null {
  if (passphrase.length < minPassphraseLength) return t('reporting.dialog.tooShort', { min: minPassphraseLength });
  if (passphrase !== confirm) return t('reporting.dialog.mismatch');
  return null;
}

/**
 * A new key passphrase entered twice (a typo would lock the key away for good), with the
 * hint on keeping it. A fragment, so the caller's layout places the fields.
 */
export function PassphraseFields({
  passphrase,
  confirm,
  onChange,
  autoFocus = false,
}: {
  passphrase: string;
  confirm: string;
  onChange: (passphrase: string, confirm: string) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const passphraseId = useId();
  const confirmId = useId();
  return (
    <>
      <div className="field">
        <label className="field-label" htmlFor={passphraseId}>
          {t('reporting.dialog.newPassphrase')}
        </label>
        <input
          id={passphraseId}
          className="field-input"
          type="password"
          autoComplete="new-password"
          autoFocus={autoFocus}
          value={passphrase}
          onChange={(event) => onChange(event.target.value, confirm)}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={confirmId}>
          {t('reporting.dialog.confirmPassphrase')}
        </label>
        <input
          id={confirmId}
          className="field-input"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(event) => onChange(passphrase, event.target.value)}
        />
      </div>
      <p className="field-hint">{t('reporting.dialog.newPassphraseHint', { min: minPassphraseLength })}</p>
    </>
  );
}
