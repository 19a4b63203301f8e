import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/common';
import {
  BusinessStore,
  LineItemStore,
  PmsLinkStore,
  PostingStore,
  Source,
  SourceStore,
  StayStore,
} from '@app/ledger';
import { issuerFrom } from '../invoices/issuer';
import { type CallDetail, type CallDetailLine } from './call-detail';

/**
 * A stay's call detail for the guest at check-out (docs/invoices.md): the charges the PMS
 * accepted for the stay and the reservation's other stays (a room move), read from the ledger.
 */
@Injectable()
export class CallDetailService {
  constructor(
    private readonly stays: StayStore,
    private readonly postings: PostingStore,
    private readonly lineItems: LineItemStore,
    private readonly sources: SourceStore,
    private readonly businesses: BusinessStore,
    private readonly links: PmsLinkStore,
  ) {}

  async detail(stayId: number): Promise<CallDetail> {
    const stay = await this.stays.findById(stayId);
    if (!stay) throw new DomainError('not-found', `Stay ${stayId} does not exist`);
    const stays = await this.stays.findOfReservation(stay.linkId, stay.reservation);
    const postings = await this.postings.postedToStays(stays.map((one) => one.id));
    const sources = new Map<number, Source | null>();
    const lines: CallDetailLine[] = [];
    let source: Source | null = null;
    for (const posting of postings) {
      const item = await this.lineItems.findOne(posting.lineItemId);
      if (!item)
        throw new Error(`Line item ${posting.lineItemId} of posting ${posting.id} is gone`);
      if (!sources.has(item.sourceId)) {
        sources.set(item.sourceId, await this.sources.findById(item.sourceId));
      }
      source ??= sources.get(item.sourceId) ?? null;
      lines.push({
        postingId: posting.id,
        startTimeMs: item.startTimeMs,
        room: posting.room,
        number: item.normalizedNumber ? `+${item.normalizedNumber}` : (item.dialedNumber ?? ''),
        talkSeconds: item.talkSeconds,
        amountMinor: posting.amountMinor,
        currency: posting.currency,
      });
    }
    lines.sort((a, b) => a.startTimeMs - b.startTimeMs || a.postingId - b.postingId);
    source ??= await this.linkSource(stay.linkId);
    const business = source ? await this.businesses.findById(source.businessId) : null;
    return {
      stay,
      stays,
      issuer: business ? issuerFrom(business) : null,
      timezone: source?.timezone ?? business?.timezone ?? 'UTC',
      lines,
      asOfMs: Math.max(
        stay.fromMs,
        ...postings.map((posting) => posting.postedAtMs ?? posting.updatedAtMs),
      ),
    };
  }

  /** A source the stay's link posts (its hotel), for a stay with no call posted yet. */
  private async linkSource(linkId: number): Promise<Source | null> {
    const [first] = await this.links.sourceIdsOf(linkId);
    return first === undefined ? null : this.sources.findById(first);
  }
}
