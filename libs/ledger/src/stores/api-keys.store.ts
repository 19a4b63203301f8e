import { Injectable } from '@nestjs/common';
import { Ledger } from '../ledger';

/**
 * API keys: their hashed secrets, roles and revocation.
 * Tables: api_keys. The only code that holds their SQL.
 */
@Injectable()
export class ApiKeyStore {
  constructor(private readonly ledger: Ledger) {}
}
