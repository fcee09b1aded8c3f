import {
  AlertOctagon,
  CheckCircle2,
  CircleDashed,
  Clock,
  Copy,
  ShieldAlert,
  ShieldCheck,
  ShieldQuestion,
  XCircle,
  type LucideIcon,
} from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CellStatus, ReceiveItem, SignerTrust } from '../../../shared/api/calls/office';

const trustIcon: Record<SignerTrust, LucideIcon> = { trusted: ShieldCheck, unknown: ShieldQuestion, mismatch: ShieldAlert };

/** A signer's standing in words with an icon (never colour alone). */
export function TrustLabel({ trust }: { trust: SignerTrust }) {
  const { t } = useTranslation();
  const Icon = trustIcon[trust];
  return (
    <span className={`trust trust-${trust}`} data-trust={trust}>
      <Icon size={14} aria-hidden />
      {t(`office.trust.${trust}`)}
    </span>
  );
}

export const outcomeIcon: Record<ReceiveItem['outcome'], LucideIcon> = { accepted: CheckCircle2, duplicate: Copy, refused: XCircle };

export function OutcomeLabel({ outcome }: { outcome: ReceiveItem['outcome'] }) {
  const { t } = useTranslation();
  const Icon = outcomeIcon[outcome];
  return (
    <span className={`outcome outcome-${outcome}`}>
      <Icon size={16} aria-hidden />
      {t(`office.outcome.${outcome}`)}
    </span>
  );
}

/** Each cell status has its own shape as well as its colour: read in grey print and by the colour-blind alike. */
export const cellIcon: Record<CellStatus, LucideIcon> = {
  received: CheckCircle2,
  received_late: Clock,
  untrusted: ShieldQuestion,
  missing: CircleDashed,
  missing_overdue: AlertOctagon,
};

/** The first characters of a SHA-256, enough to tell packages apart on screen. */
export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}
