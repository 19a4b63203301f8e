import { ApiProperty } from '@nestjs/swagger';
import { isoTime, redactedUrl } from '@app/common';
import {
  DELIVERY_STATUSES,
  type DeliveryAttempt,
  type DeliveryStatus,
  type Invoice,
} from '@app/ledger';

export const DELIVERY_STATES = ['none', 'in-progress', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** An invoice's delivery as the service knows it: where it stands and its attempts. */
export interface DeliveryLog {
  invoice: Invoice;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
}

export class DeliveryAttemptView {
  @ApiProperty({ description: 'Counts on across deliveries of the same invoice.' })
  attempt!: number;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty({ nullable: true, type: Number, description: "The billing system's answer." })
  httpStatus!: number | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({
    description: 'Where it was sent, without credentials; a query string shows as ?redacted.',
  })
  url!: string;
  @ApiProperty({ example: 'INV-2026-000001' }) idempotencyKey!: string;
  @ApiProperty() attemptedAt!: string;
}

/** An invoice's delivery: where it stands and every attempt, oldest first. */
export class DeliveryLogView {
  @ApiProperty() invoiceId!: number;
  @ApiProperty({ nullable: true, type: String }) number!: string | null;
  @ApiProperty({ enum: DELIVERY_STATES }) state!: DeliveryState;
  @ApiProperty({ type: [DeliveryAttemptView] }) attempts!: DeliveryAttemptView[];

  static of({ invoice, state, attempts }: DeliveryLog): DeliveryLogView {
    return {
      invoiceId: invoice.id,
      number: invoice.number,
      state,
      attempts: attempts.map((attempt) => ({
        attempt: attempt.attempt,
        status: attempt.status,
        httpStatus: attempt.httpStatus,
        error: attempt.error,
        url: redactedUrl(attempt.url),
        idempotencyKey: attempt.idempotencyKey,
        attemptedAt: isoTime(attempt.attemptedAtMs),
      })),
    };
  }
}
