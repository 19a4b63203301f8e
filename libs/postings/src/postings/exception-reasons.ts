/** Why a posting is an exception, as the night auditor reads it. */
export const EXCEPTION_REASONS: Record<string, string> = {
  'no-stay': 'No guest was in the room when the call was made',
  'checked-out': 'The guest has checked out',
  unsendable: 'The posting cannot be written as a FIAS record (see the answer text)',
  NG: 'The PMS found no guest in the room (NG)',
  NP: 'The guest has a no-post flag (NP)',
  UR: 'The PMS could not process the posting (UR)',
  DN: 'The PMS denied the posting (DN)',
  CO: "The guest's credit limit is reached (CO)",
  IA: 'The PMS says the account is invalid (IA)',
};

/** A reason in words; an answer the PMS may give that we do not know is named as received. */
export function reasonText(reason: string | null): string | null {
  if (reason === null) return null;
  return EXCEPTION_REASONS[reason] ?? `The PMS answered ${reason}`;
}
