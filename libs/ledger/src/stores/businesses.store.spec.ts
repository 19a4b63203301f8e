import 'reflect-metadata';
import { DomainError } from '@app/common';
import { DataSource } from 'typeorm';
import { Invoice } from '../entities';
import type { NewBusiness } from './businesses.store';
import { Ledger } from '../ledger';
import { BusinessStore } from './businesses.store';
import { InvoiceStore } from './invoices.store';
import { openTestLedger } from '../testing';

describe('BusinessStore, and the invoice reads that guard a prefix (in-memory ledger)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let businesses: BusinessStore;
  let invoices: InvoiceStore;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    businesses = new BusinessStore(ledger);
    invoices = new InvoiceStore(ledger);
  });

  afterEach(async () => {
    await db.destroy();
  });

  const business = (name: string, invoicePrefix: string): NewBusiness => ({
    name,
    kind: 'hotel',
    timezone: 'America/Denver',
    addressJson: '[]',
    taxId: null,
    invoicePrefix,
    paymentTerms: null,
    isDefault: false,
    createdAtMs: 1,
    updatedAtMs: 1,
    version: 1,
  });
  const insert = (row: NewBusiness) => ledger.transaction((tx) => businesses.insert(tx, row));

  it('starts with the default business the migrations made; finds by id, name and prefix', async () => {
    const fallback = await businesses.findDefault();
    expect(fallback).not.toBeNull();
    const hotel = await insert(business('Grand Hotel', 'GH'));
    expect((await businesses.list()).map((b) => b.id)).toEqual([fallback!.id, hotel.id]);
    await expect(businesses.findById(hotel.id)).resolves.toMatchObject({ name: 'Grand Hotel' });
    await expect(businesses.findByName('Grand Hotel')).resolves.toMatchObject({ id: hotel.id });
    await expect(businesses.findByInvoicePrefix('GH')).resolves.toMatchObject({ id: hotel.id });
    await expect(businesses.findByName('Nobody')).resolves.toBeNull();
  });

  it('writes only the fields changed; a taken name or prefix is a conflict, not a database error', async () => {
    const hotel = await insert(business('Grand Hotel', 'GH'));
    await insert(business('Porter & Lane', 'PL'));
    await ledger.transaction((tx) =>
      businesses.update(tx, hotel.id, { taxId: '84-1234567', version: 2 }),
    );
    await expect(businesses.findById(hotel.id)).resolves.toMatchObject({
      name: 'Grand Hotel',
      taxId: '84-1234567',
      version: 2,
    });

    await expect(insert(business('Grand Hotel', 'GX'))).rejects.toThrow(
      new DomainError('conflict', 'Another business has this name'),
    );
    await expect(
      ledger.transaction((tx) => businesses.update(tx, hotel.id, { invoicePrefix: 'PL' })),
    ).rejects.toThrow(
      new DomainError('conflict', 'Another business numbers its invoices with this prefix'),
    );
    await expect(businesses.findById(hotel.id)).resolves.toMatchObject({ invoicePrefix: 'GH' });
  });

  it('counts the numbered (finalised or void) invoices of a business and finds a number by prefix', async () => {
    const hotel = await insert(business('Grand Hotel', 'GH'));
    const other = await insert(business('Porter & Lane', 'PL'));
    const invoice = (
      businessId: number,
      status: Invoice['status'],
      number: string | null,
      sequence: number | null,
    ) =>
      db.manager.insert(Invoice, {
        businessId,
        status,
        number,
        numberYear: number === null ? null : 2026,
        sequence,
        billingAccount: 'ROOM-101',
        timezone: 'America/Denver',
        periodStartMs: 0,
        periodEndMs: 1,
        currency: 'USD',
        createdAtMs: 1,
        updatedAtMs: 1,
      });
    await invoice(hotel.id, 'draft', null, null);
    await invoice(hotel.id, 'finalized', 'GH-2026-000001', 1);
    await invoice(hotel.id, 'void', 'GH-2026-000002', 2);
    await invoice(other.id, 'finalized', 'PLX-2026-000001', 1);

    await expect(invoices.countNumbered(hotel.id)).resolves.toBe(2);
    await expect(ledger.transaction((tx) => invoices.countNumbered(other.id, tx))).resolves.toBe(1);
    await expect(invoices.findNumberedWithPrefix('GH')).resolves.toEqual({
      number: 'GH-2026-000001',
    });
    // `PL-` is not the start of `PLX-…`: a prefix is matched with its dash.
    await expect(invoices.findNumberedWithPrefix('PL')).resolves.toBeNull();
    await expect(invoices.findNumberedWithPrefix('PLX')).resolves.toEqual({
      number: 'PLX-2026-000001',
    });
  });
});
