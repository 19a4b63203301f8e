import { Injectable } from '@nestjs/common';
import { DomainError, ErrorDetail, isoTime } from '@app/common';
import type { RatePlanVersion } from '@app/ledger';
import { InvalidRecordError, RatingResult, rateCall, rateSummary } from '../engine';
import { parseQuoteRecords } from './dto/quote-records';
import type { RatePlanDocument } from '../plan/rate-plan';
import { summaryCallId as defaultSummaryCallId } from '../plan/summary-call-id';
import { QuoteResult, quoteResult } from './dto/quote.view';
import { RatePlansService } from './rate-plans.service';

/** Rates records with a plan, as sync would, and stores nothing: a dry run. */
@Injectable()
export class QuoteService {
  constructor(private readonly plans: RatePlansService) {}

  async quote(planId: number, body: unknown): Promise<QuoteResult[]> {
    const { plan, versions } = await this.plans.get(planId);
    const parsed = parseQuoteRecords(body, plan.kind);
    if (!parsed.ok) throw DomainError.invalid('quote', parsed.errors);

    const errors: ErrorDetail[] = [];
    const rated: { version: RatePlanVersion; result: RatingResult; startTimeMs: number }[] = [];
    const { value } = parsed;
    const starts =
      value.kind === 'per-call'
        ? value.records.map((r) => r.startTimeMs)
        : value.records.map((r) => r.periodStartMs);
    starts.forEach((startTimeMs, index) => {
      const inForce = this.plans.inForce(versions, startTimeMs);
      if (!inForce) {
        errors.push({
          field: `records.${index}.${value.kind === 'per-call' ? 'startTime' : 'periodStart'}`,
          message: `is before the plan's first version (in force from ${isoTime(versions[0].effectiveFromMs)})`,
        });
        return;
      }
      try {
        const result =
          value.kind === 'per-call'
            ? rateCall(inForce.compiled, value.records[index])
            : rateSummary(inForce.compiled, value.records[index]);
        rated.push({ version: inForce.version, result, startTimeMs });
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
    return rated.map(({ version, result, startTimeMs }, index) =>
      quoteResult({
        plan: plan,
        version,
        document: documentOf(version),
        result,
        startTimeMs,
        record:
          value.kind === 'per-call'
            ? value.records[index]
            : {
                ...value.records[index],
                callId: summaryCallId(body, index, value.records[index].periodStartMs),
              },
      }),
    );
  }
}

/** A summary row's id: the caller's, else its account code. */
/** A summary row's id: the caller's, else its account code and period, as sync keys it. */
function summaryCallId(body: unknown, index: number, periodStartMs: number): string {
  const record = (body as { records: Record<string, unknown>[] }).records[index];
  if (typeof record.callId === 'string') return record.callId;
  return defaultSummaryCallId(String(record.accountCode), periodStartMs);
}
