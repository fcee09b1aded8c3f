import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { minPassphraseLength, type KeyStatus } from '../../shared/api/calls/reports';

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

/**
 * What signing with the department's key asks of the user: 'new' (no key yet and no OS
 * store to seal one: a new passphrase, twice), 'existing' (the key is sealed by a
 * passphrase: type it), or null (the OS holds the key, or its status is not known yet).
 */
export type KeyPassphraseNeed = 'new' | 'existing' | null;

export function keyPassphraseNeed(status: KeyStatus | undefined): KeyPassphraseNeed {
  if (status === undefined) return null;
  if (status.fingerprint === null) return status.osStoreAvailable ? null : 'new';
  return status.protection === 'passphrase' ? 'existing' : null;
}

/** Why the typed passphrase cannot be used yet (see keyPassphraseNeed), or null. */
export function checkKeyPassphrase(need: KeyPassphraseNeed, passphrase: string, confirm: string, t: TFunction): string | null {
  if (need === 'new') return checkNewPassphrase(passphrase, confirm, t);
  if (need === 'existing' && passphrase.length < minPassphraseLength) return t('reporting.dialog.tooShort', { min: minPassphraseLength });
  return null;
}

/**
 * The passphrase fields of a signing dialog (export, receipt): a new passphrase twice, or
 * the existing one under the caller's label; nothing when the OS holds the key.
 */
export function KeyPassphraseFields({
  need,
  existingLabel,
  passphrase,
  confirm,
  onChange,
}: {
  need: KeyPassphraseNeed;
  existingLabel: string;
  passphrase: string;
  confirm: string;
  onChange: (passphrase: string, confirm: string) => void;
}) {
  const passphraseId = useId();
  if (need === 'new') return <PassphraseFields passphrase={passphrase} confirm={confirm} autoFocus onChange={onChange} />;
  if (need !== 'existing') return null;
  return (
    <div className="field">
      <label className="field-label" htmlFor={passphraseId}>
        {existingLabel}
      </label>
      <input
        id={passphraseId}
        className="field-input"
        type="password"
        autoComplete="off"
        autoFocus
        value={passphrase}
        onChange={(event) => onChange(event.target.value, confirm)}
      />
    </div>
  );
}
