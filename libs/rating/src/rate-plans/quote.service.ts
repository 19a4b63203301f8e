import { Injectable } from '@nestjs/common';
import { Clock, DomainError, ErrorDetail, isoTime } from '@app/common';
import type { RatePlan, RatePlanVersion } from '@app/ledger';
import { InvalidRecordError } from '../engine';
import type { RatePlanDocument } from '../plan/rate-plan';
import { summaryCallId } from '../plan/summary-call-id';
import { RatableRecord, RatingSource, RecordRating, rateRecord, recordStart } from '../rate-record';
import { parseQuoteRecords } from './dto/quote-records';
import { QuoteResult, quoteResult } from './dto/quote.view';
import { RatePlansService } from './rate-plans.service';

/**
 * The source a quote rates as: none of the ledger's (id 0: ids start at 1), rated with the
 * plan quoted, and approving nothing by itself (`autoApprove` off). A quote therefore shows the
 * status rating gives; a source with `autoApprove` would store a `pending` item as `approved`.
 */
export const quoteSource = (plan: RatePlan): RatingSource => ({
  id: 0,
  ratePlanId: plan.id,
  autoApprove: false,
});

/**
 * Rates records with a plan through `rateRecord`, as sync and re-rate do, and stores nothing:
 * a dry run whose answer is the line item sync would store (or why it would store none).
 */
@Injectable()
export class QuoteService {
  constructor(
    private readonly plans: RatePlansService,
    private readonly clock: Clock,
  ) {}

  async quote(planId: number, body: unknown): Promise<QuoteResult[]> {
    const { plan, versions } = await this.plans.get(planId);
    const parsed = parseQuoteRecords(body, plan.kind);
    if (!parsed.ok) throw DomainError.invalid('quote', parsed.errors);

    const { value } = parsed;
    const inputs: RatableRecord[] =
      value.kind === 'per-call'
        ? value.records.map((record) => ({ kind: 'call', recordId: null, record }))
        : value.records.map((record) => ({ kind: 'summary', recordId: null, record }));
    const source = quoteSource(plan);
    const nowMs = this.clock.now();
    const errors: ErrorDetail[] = [];
    const rated: { version: RatePlanVersion; rating: RecordRating }[] = [];
    inputs.forEach((input, index) => {
      const inForce = this.plans.inForce(versions, recordStart(input));
      if (!inForce) {
        errors.push({
          field: `records.${index}.${input.kind === 'call' ? 'startTime' : 'periodStart'}`,
          message: `is before the plan's first version (in force from ${isoTime(versions[0].effectiveFromMs)})`,
        });
        return;
      }
      try {
        rated.push({ version: inForce.version, rating: rateRecord(input, inForce, source, nowMs) });
      } catch (error) {
        // The record parser refuses what the engine would; this keeps any gap a 400.
        if (!(error instanceof InvalidRecordError)) throw error;
        errors.push({ field: `records.${index}.${error.field}`, message: error.message });
      }
    });
    if (errors.length > 0) throw DomainError.invalid('quote', errors);

    // One parse of each version's document, not one a record (10,000 a quote).
    const documents = new Map<number, RatePlanDocument>();
    const documentOf = (version: RatePlanVersion) => {
      let document = documents.get(version.id);
      if (document === undefined) {
        document = this.plans.document(version);
        documents.set(version.id, document);
      }
      return document;
    };
    return rated.map(({ version, rating }, index) =>
      quoteResult(rating, {
        document: documentOf(version),
        callId: callIdOf(inputs[index], body, index),
      }),
    );
  }
}

/**
 * A record's id as the caller knows it: a call's own; a summary row's, if the caller gave it
 * one, else its account code and period, as sync keys it (and its line item's `callId`).
 */
function callIdOf(input: RatableRecord, body: unknown, index: number): string {
  if (input.kind === 'call') return input.record.callId;
  const record = (body as { records: Record<string, unknown>[] }).records[index];
  if (typeof record.callId === 'string') return record.callId;
  return summaryCallId(input.record.accountCode, input.record.periodStartMs);
}
