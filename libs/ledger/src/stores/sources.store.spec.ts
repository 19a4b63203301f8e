import 'reflect-metadata';
import { DomainError } from '@app/common';
import { DataSource } from 'typeorm';
import { Business, CallRecord, LineItem, RatePlan, RatePlanVersion, Source } from '../entities';
import { Ledger } from '../ledger';
import { LineItemTotalsStore } from './line-item-totals.store';
import { LineItemStore } from './line-items.store';
import { SourceStore } from './sources.store';
import { openTestLedger } from '../testing';

describe('SourceStore, and the earliest line item of sources (in-memory ledger)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let sources: SourceStore;
  let plan: RatePlan;
  let version: RatePlanVersion;
  let businessId: number;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    sources = new SourceStore(ledger);
    plan = await db.manager.save(
      db.manager.create(RatePlan, {
        name: 'Hotel',
        kind: 'per-call',
        currency: 'USD',
        createdAtMs: 1,
        updatedAtMs: 1,
      }),
    );
    version = await db.manager.save(
      db.manager.create(RatePlanVersion, {
        ratePlanId: plan.id,
        version: 1,
        effectiveFromMs: 0,
        planJson: '{}',
        createdAtMs: 1,
        createdBy: 'test',
      }),
    );
    businessId = (await db.manager.findOneByOrFail(Business, { isDefault: true })).id;
  });

  afterEach(async () => {
    await db.destroy();
  });

  const source = (name: string, ratePlanId = plan.id): Omit<Source, 'id'> => ({
    name,
    kind: 'call-records',
    businessId,
    historicDataKey: 'CALLDTLX',
    ratePlanId,
    timezone: 'America/Denver',
    columnsJson: null,
    parametersJson: null,
    enabled: true,
    autoApprove: false,
    syncCron: null,
    chunkDays: 1,
    overlapMinutes: 60,
    settleMinutes: 15,
    watermarkMs: null,
    deliveryUrl: null,
    deliverySecret: null,
    createdAtMs: 1,
    updatedAtMs: 1,
    version: 1,
  });
  const insert = (row: Omit<Source, 'id'>) => ledger.transaction((tx) => sources.insert(tx, row));

  it('finds sources by id, name and the plan that rates them; writes only the fields changed', async () => {
    const lobby = await insert(source('Lobby'));
    const rooms = await insert(source('Rooms'));
    expect((await sources.list()).map((s) => s.name)).toEqual(['Lobby', 'Rooms']);
    expect((await sources.findByRatePlan(plan.id)).map((s) => s.id)).toEqual([lobby.id, rooms.id]);
    await expect(sources.findByRatePlan(plan.id + 1)).resolves.toEqual([]);
    await expect(sources.findByName('Rooms')).resolves.toMatchObject({ id: rooms.id });

    await ledger.transaction((tx) => sources.update(tx, rooms.id, { enabled: false, version: 2 }));
    await expect(sources.findById(rooms.id)).resolves.toMatchObject({
      name: 'Rooms',
      enabled: false,
      version: 2,
      watermarkMs: null,
    });
  });

  it('a taken name is a conflict, not a database error', async () => {
    const lobby = await insert(source('Lobby'));
    await insert(source('Rooms'));
    const taken = new DomainError('conflict', 'Another source has this name');
    await expect(insert(source('Lobby'))).rejects.toThrow(taken);
    await expect(
      ledger.transaction((tx) => sources.update(tx, lobby.id, { name: 'Rooms' })),
    ).rejects.toThrow(taken);
  });

  it('finds the start of the earliest line item of some sources (none: null)', async () => {
    const lineItems = new LineItemStore(ledger, new LineItemTotalsStore(ledger));
    const lobby = await insert(source('Lobby'));
    const rooms = await insert(source('Rooms'));
    const spa = await insert(source('Spa'));
    const item = async (sourceId: number, callId: string, startTimeMs: number) => {
      const record = await db.manager.save(
        db.manager.create(CallRecord, {
          sourceId,
          syncRunId: null,
          callId,
          startTimeMs,
          direction: 'outbound',
          extension: '101',
          dialedNumber: '5551234',
          talkMs: 60_000,
          accountCode: null,
          rawJson: '{}',
          createdAtMs: 1,
        }),
      );
      await db.manager.insert(LineItem, {
        sourceId,
        callRecordId: record.id,
        callId,
        startTimeMs,
        localDate: '2026-03-02',
        talkSeconds: 60,
        billedSeconds: 60,
        calls: 1,
        currency: 'USD',
        ratedAmountMinor: 100,
        amountMinor: 100,
        taxesJson: '[]',
        taxMinor: 0,
        totalMinor: 100,
        status: 'pending',
        ratePlanId: plan.id,
        ratePlanVersionId: version.id,
        ratePlanVersionNumber: 1,
        breakdownJson: '{}',
        createdAtMs: 1,
        updatedAtMs: 1,
      });
    };
    await item(lobby.id, 'a', 5_000);
    await item(rooms.id, 'b', 3_000);
    await item(spa.id, 'c', 1_000);

    await expect(lineItems.earliestStartOf([lobby.id, rooms.id])).resolves.toBe(3_000);
    await expect(lineItems.earliestStartOf([lobby.id])).resolves.toBe(5_000);
    await expect(lineItems.earliestStartOf([spa.id + 1])).resolves.toBeNull();
    await expect(lineItems.earliestStartOf([])).resolves.toBeNull();
  });
});
