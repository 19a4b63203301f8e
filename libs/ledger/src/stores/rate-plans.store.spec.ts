import 'reflect-metadata';
import { DomainError } from '@app/common';
import { DataSource } from 'typeorm';
import { RatePlanVersion } from '../entities';
import { Ledger } from '../ledger';
import { RatePlanStore } from './rate-plans.store';
import { openTestLedger } from '../testing';

describe('RatePlanStore (in-memory ledger, real migrations)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let plans: RatePlanStore;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    plans = new RatePlanStore(ledger);
  });

  afterEach(async () => {
    await db.destroy();
  });

  const plan = (name: string) =>
    ledger.transaction((tx) =>
      plans.insertPlan(tx, {
        name,
        kind: 'per-call',
        currency: 'USD',
        createdAtMs: 1,
        updatedAtMs: 1,
      }),
    );
  const version = (ratePlanId: number, number: number, effectiveFromMs: number) =>
    ledger.transaction((tx) =>
      plans.insertVersion(tx, {
        ratePlanId,
        version: number,
        effectiveFromMs,
        planJson: `{"v":${number}}`,
        createdAtMs: 1,
        createdBy: 'test',
      }),
    );
  const numbers = (versions: RatePlanVersion[]) => versions.map((v) => v.version);

  it("lists a plan's versions by the instant they take effect, whatever order they were added in", async () => {
    const hotel = await plan('Hotel');
    await version(hotel.id, 1, 0);
    await version(hotel.id, 2, 3_000);
    await version(hotel.id, 3, 1_000); // a correction back-dated between the first two
    const other = await plan('Other');
    await version(other.id, 1, 500);

    expect(numbers(await plans.findVersions(hotel.id))).toEqual([1, 3, 2]);
    expect(numbers(await ledger.transaction((tx) => plans.findVersions(other.id, tx)))).toEqual([
      1,
    ]);
    expect((await plans.list()).map((p) => p.name)).toEqual(['Hotel', 'Other']);
    await expect(plans.findByName('Hotel')).resolves.toMatchObject({ id: hotel.id });
    await expect(plans.findById(other.id)).resolves.toMatchObject({ name: 'Other' });
  });

  it('marks a plan updated when a version is added', async () => {
    const hotel = await plan('Hotel');
    await ledger.transaction((tx) => plans.markUpdated(tx, hotel.id, 99));
    await expect(plans.findById(hotel.id)).resolves.toMatchObject({
      createdAtMs: 1,
      updatedAtMs: 99,
    });
  });

  it('a taken name, version number or instant is a conflict, not a database error', async () => {
    const hotel = await plan('Hotel');
    await version(hotel.id, 1, 0);
    await expect(plan('Hotel')).rejects.toThrow(
      new DomainError('conflict', 'A rate plan named "Hotel" already exists'),
    );
    await expect(version(hotel.id, 1, 5_000)).rejects.toThrow(
      new DomainError('conflict', `Rate plan ${hotel.id} already has a version 1`),
    );
    await expect(version(hotel.id, 2, 0)).rejects.toThrow(
      new DomainError(
        'conflict',
        `Rate plan ${hotel.id} already has a version effective from that instant`,
      ),
    );
    expect(numbers(await plans.findVersions(hotel.id))).toEqual([1]);
  });
});
