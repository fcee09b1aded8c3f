/**
 * What the receiving office may conclude about the signer of an intact package:
 * - `trusted`: the signer is registered for the department the report claims;
 * - `unknown_signer`: the content is intact, but nobody registered this signer, so anyone
 *   could have made the key and signed it;
 * - `other_department`: the signer is registered, for another department than the report
 *   claims (a department signing in another's name, or a registration made in error).
 */
export type SignerVerdict = 'trusted' | 'unknown_signer' | 'other_department';

export function signerVerdict(trustedAs: string | null, claimedDepartment: string): SignerVerdict {
  if (trustedAs === null) return 'unknown_signer';
  return sameDepartment(trustedAs, claimedDepartment) ? 'trusted' : 'other_department';
}

/** Department names as typed and as signed: surrounding spaces and Unicode normalisation aside. */
export function sameDepartment(a: string, b: string): boolean {
  return a.trim().normalize('NFC') === b.trim().normalize('NFC');
}
