import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, refuseCleared } from '@app/common';
import {
  AuditEventStore,
  Business,
  BusinessChanges,
  BusinessStore,
  InvoiceStore,
  Ledger,
  LedgerTx,
} from '@app/ledger';
import { CreateBusinessDto, UpdateBusinessDto } from './dto/business.dto';
import { BusinessView } from './dto/business.view';

/** Fields a PATCH may leave out but not clear (taxId and paymentTerms may be cleared). */
const NOT_NULL: (keyof UpdateBusinessDto)[] = [
  'name',
  'kind',
  'timezone',
  'address',
  'invoicePrefix',
];

/**
 * The businesses whose calls the ledger bills. Each change is one transaction with its audit
 * event. An invoice prefix names one business for good: it is unique, and it cannot change once
 * the business has numbered an invoice with it (numbers are never reused or renamed).
 */
@Injectable()
export class BusinessesService {
  constructor(
    private readonly ledger: Ledger,
    private readonly businesses: BusinessStore,
    private readonly invoices: InvoiceStore,
    private readonly audit: AuditEventStore,
    private readonly clock: Clock,
  ) {}

  create(input: CreateBusinessDto, actor: Actor): Promise<Business> {
    return this.ledger.transaction(async (tx) => {
      await this.assertNameFree(tx, input.name, null);
      await this.assertPrefixFree(tx, input.invoicePrefix, null);
      const now = this.clock.now();
      const business = await this.businesses.insert(tx, {
        name: input.name,
        kind: input.kind,
        timezone: input.timezone,
        addressJson: JSON.stringify(input.address ?? []),
        taxId: input.taxId ?? null,
        invoicePrefix: input.invoicePrefix,
        paymentTerms: input.paymentTerms ?? null,
        isDefault: false,
        createdAtMs: now,
        updatedAtMs: now,
        version: 1,
      });
      await this.audit.record(
        tx,
        actor,
        {
          action: 'business.create',
          entityType: 'business',
          entityId: business.id,
          newValue: BusinessView.of(business),
        },
        now,
      );
      return business;
    });
  }

  list(): Promise<Business[]> {
    return this.businesses.list();
  }

  get(id: number): Promise<Business> {
    return this.existing(id);
  }

  update(id: number, input: UpdateBusinessDto, actor: Actor): Promise<Business> {
    refuseCleared(input, NOT_NULL);
    return this.ledger.transaction(async (tx) => {
      const business = await this.existing(id, tx);
      if (input.name !== undefined) await this.assertNameFree(tx, input.name, id);
      if (input.invoicePrefix !== undefined && input.invoicePrefix !== business.invoicePrefix) {
        await this.assertPrefixFree(tx, input.invoicePrefix, id);
        const numbered = await this.invoices.countNumbered(id, tx);
        if (numbered > 0) {
          throw new DomainError(
            'conflict',
            `Business ${id} has numbered ${numbered} invoice(s) ${business.invoicePrefix}-…: its invoicePrefix cannot change`,
            [{ field: 'invoicePrefix', message: 'is in use by numbered invoices' }],
          );
        }
      }
      const changes: BusinessChanges = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.kind !== undefined) changes.kind = input.kind;
      if (input.timezone !== undefined) changes.timezone = input.timezone;
      if (input.address !== undefined) changes.addressJson = JSON.stringify(input.address);
      if (input.taxId !== undefined) changes.taxId = input.taxId;
      if (input.invoicePrefix !== undefined) changes.invoicePrefix = input.invoicePrefix;
      if (input.paymentTerms !== undefined) changes.paymentTerms = input.paymentTerms;
      const now = this.clock.now();
      const updated: Business = {
        ...business,
        ...changes,
        updatedAtMs: now,
        version: business.version + 1,
      };
      await this.businesses.update(tx, id, {
        ...changes,
        updatedAtMs: now,
        version: updated.version,
      });
      await this.audit.record(
        tx,
        actor,
        {
          action: 'business.update',
          entityType: 'business',
          entityId: id,
          oldValue: BusinessView.of(business),
          newValue: BusinessView.of(updated),
        },
        now,
      );
      return updated;
    });
  }

  private async existing(id: number, tx?: LedgerTx): Promise<Business> {
    const business = await this.businesses.findById(id, tx);
    if (!business) throw new DomainError('not-found', `Business ${id} does not exist`);
    return business;
  }

  private async assertNameFree(tx: LedgerTx, name: string, ownId: number | null): Promise<void> {
    const other = await this.businesses.findByName(name, tx);
    if (other && other.id !== ownId) {
      throw new DomainError(
        'conflict',
        `A business named "${name}" already exists (id ${other.id})`,
        [{ field: 'name', message: 'is taken' }],
      );
    }
  }

  /** A prefix is one business's, and never one that numbers an existing invoice. */
  private async assertPrefixFree(
    tx: LedgerTx,
    prefix: string,
    ownId: number | null,
  ): Promise<void> {
    const other = await this.businesses.findByInvoicePrefix(prefix, tx);
    if (other && other.id !== ownId) {
      throw new DomainError(
        'conflict',
        `Business ${other.id} ("${other.name}") already numbers its invoices ${prefix}-…`,
        [{ field: 'invoicePrefix', message: 'is taken' }],
      );
    }
    const used = await this.invoices.findNumberedWithPrefix(prefix, tx);
    if (used) {
      throw new DomainError(
        'conflict',
        `Invoice ${used.number} already uses the prefix ${prefix}: numbers are never reused`,
        [{ field: 'invoicePrefix', message: 'is taken' }],
      );
    }
  }
}
