import type { Business, BusinessKind } from '@app/ledger';

/** The business as a finalised invoice names it (copied at finalisation, never changed). */
export interface Issuer {
  name: string;
  kind: BusinessKind;
  address: string[];
  taxId: string | null;
  paymentTerms: string | null;
}

export function issuerFrom(business: Business): Issuer {
  return {
    name: business.name,
    kind: business.kind,
    address: JSON.parse(business.addressJson) as string[],
    taxId: business.taxId,
    paymentTerms: business.paymentTerms,
  };
}
