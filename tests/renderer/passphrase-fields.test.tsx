import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import './setup';
import type { KeyStatus } from '../../shared/api/calls/reports';
import i18n from '../../renderer/app/i18n';
import { checkKeyPassphrase, KeyPassphraseFields, keyPassphraseNeed } from '../../renderer/components/PassphraseFields';

const status = (patch: Partial<KeyStatus>): KeyStatus => ({
  department: '质监',
  fingerprint: null,
  protection: null,
  osStoreAvailable: true,
  createdAt: null,
  retired: [],
  ...patch,
});
const fingerprint = 'a'.repeat(64);

describe('the signing dialogs’ passphrase', () => {
  it('is asked for twice when a new key cannot be sealed by the OS, once when the key is sealed by one, and not at all otherwise', () => {
    expect(keyPassphraseNeed(undefined)).toBeNull();
    expect(keyPassphraseNeed(status({}))).toBeNull();
    expect(keyPassphraseNeed(status({ osStoreAvailable: false }))).toBe('new');
    expect(keyPassphraseNeed(status({ fingerprint, protection: 'passphrase' }))).toBe('existing');
    expect(keyPassphraseNeed(status({ fingerprint, protection: 'os' }))).toBeNull();
  });

  it('is refused in words while too short or typed differently twice', () => {
    const t = i18n.t.bind(i18n);
    expect(checkKeyPassphrase('new', '12345678', '12345679', t)).toMatch(/不一致|match/u);
    expect(checkKeyPassphrase('new', '1234', '1234', t)).toMatch(/8/u);
    expect(checkKeyPassphrase('new', '12345678', '12345678', t)).toBeNull();
    expect(checkKeyPassphrase('existing', '1234', '', t)).toMatch(/8/u);
    expect(checkKeyPassphrase('existing', '12345678', '', t)).toBeNull();
    expect(checkKeyPassphrase(null, '', '', t)).toBeNull();
  });

  it('shows the fields each case needs, under the caller’s label for an existing key', async () => {
    const onChange = () => undefined;
    const fresh = await render(<KeyPassphraseFields need="new" existingLabel="密钥口令" passphrase="" confirm="" onChange={onChange} />);
    await expect.element(fresh.getByLabelText('再次输入口令')).toBeVisible();
    const existing = await render(
      <KeyPassphraseFields need="existing" existingLabel="签名密钥的口令" passphrase="" confirm="" onChange={onChange} />,
    );
    await expect.element(existing.getByLabelText('签名密钥的口令')).toHaveAttribute('type', 'password');
    const none = await render(<KeyPassphraseFields need={null} existingLabel="密钥口令" passphrase="" confirm="" onChange={onChange} />);
    expect(none.container.querySelector('input')).toBeNull();
  });
});
