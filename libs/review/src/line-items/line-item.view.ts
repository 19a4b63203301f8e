import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type Actor, isoTime, localIsoTime } from '@app/common';
import { LINE_ITEM_STATUSES, ListedLineItem, POSTING_STATUSES, Posting, Stay } from '@app/ledger';
import { formatMinor } from '@app/money';

export class LineItemTaxView {
  @ApiProperty({ example: 'State sales tax' }) name!: string;
  @ApiProperty({ example: '6.25' }) ratePercent!: string;
  @ApiProperty({ example: '0.09' }) amount!: string;
}

/** The guest stay a linked source's call is charged to (docs/pms-link.md). */
export class LineItemStayView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '1012' }) room!: string;
  @ApiProperty({ example: '48213', description: "The PMS's reservation number (G#)." })
  reservation!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Okafor, Ada' }) guestName!: string | null;

  static of(stay: Stay): LineItemStayView {
    return {
      id: stay.id,
      room: stay.room,
      reservation: stay.reservation,
      guestName: stay.guestName,
    };
  }
}

/** Who made a law firm's call (docs/law-firms.md), as rating found them for its day. */
export class LineItemTimekeeperView {
  @ApiProperty({ example: 'TK-014' }) id!: string;
  @ApiProperty({ example: 'Ada Okafor' }) name!: string;
  @ApiProperty({ example: 'PARTNER' }) classification!: string;

  static of(
    item: Pick<ListedLineItem, 'timekeeperId' | 'timekeeperName' | 'timekeeperClassification'>,
  ): LineItemTimekeeperView | null {
    if (item.timekeeperId === null) return null;
    return {
      id: item.timekeeperId,
      name: item.timekeeperName ?? '',
      classification: item.timekeeperClassification ?? '',
    };
  }
}

/** The client and matter that rating read from the account code (the plan's pattern). */
export class LineItemMatterView {
  @ApiProperty({ nullable: true, type: String, example: '10234' }) client!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '001' }) matter!: string | null;
}

/** A line item as the API shows it (docs/review.md); money as decimal strings. */
export class LineItemView {
  @ApiProperty() id!: number;
  @ApiProperty() sourceId!: number;
  @ApiProperty() callId!: string;
  @ApiProperty({ nullable: true, type: String }) billingAccount!: string | null;
  @ApiProperty({ example: '2026-03-10T21:05:00.000Z', description: 'The instant, in UTC.' })
  startTime!: string;
  @ApiProperty({
    example: '2026-03-10T15:05:00.000-06:00',
    description: "The same instant on the plan's wall clock, with its offset (as on the invoice).",
  })
  localStartTime!: string;
  @ApiProperty({ nullable: true, type: String }) extension!: string | null;
  @ApiProperty({ nullable: true, type: String }) accountCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) dialedNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) normalizedNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) destinationPrefix!: string | null;
  @ApiProperty({ nullable: true, type: String }) destinationClass!: string | null;
  @ApiProperty({ nullable: true, type: String }) timeBand!: string | null;
  @ApiProperty() talkSeconds!: number;
  @ApiProperty() billedSeconds!: number;
  @ApiProperty() calls!: number;
  @ApiProperty({
    example: '1.50',
    description: "What is billed: the reviewer's adjustment, if any.",
  })
  amount!: string;
  @ApiProperty({ example: '1.50', description: 'What rating gave.' }) ratedAmount!: string;
  @ApiProperty() adjusted!: boolean;
  @ApiProperty({ type: [LineItemTaxView] }) taxes!: LineItemTaxView[];
  @ApiProperty({ example: '0.09' }) tax!: string;
  @ApiProperty({ example: '1.59' }) total!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ enum: LINE_ITEM_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The reviewer's last reason." })
  reviewReason!: string | null;
  @ApiProperty() ratePlanId!: number;
  @ApiProperty() ratePlanVersion!: number;
  @ApiProperty({ nullable: true, type: Number }) invoiceId!: number | null;
  @ApiProperty({
    nullable: true,
    type: LineItemStayView,
    description: 'The guest stay its call is charged to (a source a PMS link posts), or null.',
  })
  stay!: LineItemStayView | null;
  @ApiProperty({
    nullable: true,
    type: LineItemTimekeeperView,
    description: "Who made the call (a law firm's timekeepers), or null.",
  })
  timekeeper!: LineItemTimekeeperView | null;
  @ApiProperty({ description: 'Send it back (If-Match or body `version`) to act on this state.' })
  version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  /**
   * The view of an item; `zone` is its plan version's (local times are the plan's, as on its
   * invoice): an account-summary plan may name none, then UTC, as its invoices.
   */
  static of(item: ListedLineItem, zone: string | null, stay: Stay | null = null): LineItemView {
    const money = (minor: number) => formatMinor(minor, item.currency);
    const taxes = JSON.parse(item.taxesJson) as {
      name: string;
      ratePercent: string;
      amountMinor: number;
    }[];
    return {
      id: item.id,
      sourceId: item.sourceId,
      callId: item.callId,
      billingAccount: item.billingAccount,
      startTime: isoTime(item.startTimeMs),
      localStartTime: localIsoTime(item.startTimeMs, zone ?? 'UTC'),
      extension: item.extension,
      accountCode: item.accountCode,
      dialedNumber: item.dialedNumber,
      normalizedNumber: item.normalizedNumber,
      destinationPrefix: item.destinationPrefix,
      destinationClass: item.destinationClass,
      timeBand: item.timeBand,
      talkSeconds: item.talkSeconds,
      billedSeconds: item.billedSeconds,
      calls: item.calls,
      amount: money(item.amountMinor),
      ratedAmount: money(item.ratedAmountMinor),
      adjusted: item.adjustedAmountMinor !== null,
      taxes: taxes.map((tax) => ({
        name: tax.name,
        ratePercent: tax.ratePercent,
        amount: money(tax.amountMinor),
      })),
      tax: money(item.taxMinor),
      total: money(item.totalMinor),
      currency: item.currency,
      status: item.status,
      reason: item.reason,
      reviewReason: item.reviewReason,
      ratePlanId: item.ratePlanId,
      ratePlanVersion: item.ratePlanVersionNumber,
      invoiceId: item.invoiceId,
      stay: stay ? LineItemStayView.of(stay) : null,
      timekeeper: LineItemTimekeeperView.of(item),
      version: item.version,
      createdAt: isoTime(item.createdAtMs),
      updatedAt: isoTime(item.updatedAtMs),
    };
  }
}

export class CurrencyTotalsView {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ example: '152.40' }) amount!: string;
  @ApiProperty({ example: '9.53' }) tax!: string;
  @ApiProperty({ example: '161.93' }) total!: string;
}

export class LineItemTotalsView {
  @ApiProperty({ description: 'Every item the filter matches, on every page.' }) count!: number;
  @ApiProperty({ type: [CurrencyTotalsView], description: 'Sums per currency.' })
  byCurrency!: CurrencyTotalsView[];
}

export class LineItemPageView {
  @ApiProperty({ type: [LineItemView] }) items!: LineItemView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
  @ApiPropertyOptional({
    type: LineItemTotalsView,
    nullable: true,
    description: 'On the first page (no cursor): the count and sums of everything matched.',
  })
  totals!: LineItemTotalsView | null;
}

/** One of an item's postings to the PMS (docs/pms-link.md). */
export class LineItemPostingView {
  @ApiProperty() id!: number;
  @ApiProperty() linkId!: number;
  @ApiProperty({ description: "The posting's P#, fixed once." }) postingNumber!: number;
  @ApiProperty({ example: '1012' }) room!: string;
  @ApiProperty({ example: 159 }) amountMinor!: number;
  @ApiProperty({ example: '1.59', description: "The charge with its taxes, as the item's money." })
  amount!: string;
  @ApiProperty({ enum: POSTING_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String, example: 'NG' }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'OK' }) answerStatus!: string | null;
  @ApiProperty({ description: 'Posted to a checked-out stay as a late charge.' }) late!: boolean;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) postedAt!: string | null;

  static of(posting: Posting): LineItemPostingView {
    return {
      id: posting.id,
      linkId: posting.linkId,
      postingNumber: posting.postingNumber,
      room: posting.room,
      amountMinor: posting.amountMinor,
      amount: formatMinor(posting.amountMinor, posting.currency),
      status: posting.status,
      reason: posting.reason,
      answerStatus: posting.answerStatus,
      late: posting.late,
      sentAt: posting.sentAtMs === null ? null : isoTime(posting.sentAtMs),
      postedAt: posting.postedAtMs === null ? null : isoTime(posting.postedAtMs),
    };
  }
}

/** One item with all that explains it: how it was priced, what Xima sent, what people did. */
export class LineItemDetailView extends LineItemView {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'How rating priced it, step by step.',
  })
  breakdown!: unknown;
  @ApiProperty({
    nullable: true,
    type: LineItemMatterView,
    description:
      "The client and matter rating read from the account code, or null when the plan's pattern names neither (an assign changes billingAccount, not this).",
  })
  matter!: LineItemMatterView | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'What Xima sent: the stored record (`kind` call-record or account-summary) and its raw row.',
  })
  sourceRecord!: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The plan version that rated it: `{ id, version, effectiveFrom, plan }`.',
  })
  planVersion!: object;
  @ApiProperty({
    type: [LineItemPostingView],
    description: 'Its postings to the PMS, oldest first (none for a source no link posts).',
  })
  postings!: LineItemPostingView[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      "Its audit events and its postings' (with `postingId`), oldest first: `{ id, occurredAt, actor, action, oldValue, newValue, reason, postingId? }`.",
  })
  history!: object[];
}

/** What `GET /line-items/:id` answers (documented by LineItemDetailView). */
export interface LineItemDetail extends LineItemView {
  breakdown: unknown;
  matter: LineItemMatterView | null;
  /** What Xima sent: the stored record's fields and its raw row. */
  sourceRecord: Record<string, unknown> & { kind: 'call-record' | 'account-summary'; raw: unknown };
  planVersion: { id: number; version: number; effectiveFrom: string; plan: unknown };
  postings: LineItemPostingView[];
  history: {
    id: number;
    occurredAt: string;
    actor: Actor;
    action: string;
    oldValue: unknown;
    newValue: unknown;
    reason: string | null;
    /** On a posting's events: which posting. */
    postingId?: number;
  }[];
}
