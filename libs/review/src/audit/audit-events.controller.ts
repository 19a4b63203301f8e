import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import {
  Absent,
  ApiErrors,
  IsDateOrInstant,
  RequireRole,
  optionalRange,
  isoTime,
} from '@app/common';
import { Ledger, plainDateZone } from '@app/ledger';

export class AuditEventsQueryDto {
  @ApiPropertyOptional({ example: 'line-item' })
  @Absent()
  @IsString()
  @Length(1, 100)
  entityType?: string;

  @ApiPropertyOptional({ example: '42' })
  @Absent()
  @IsString()
  @Length(1, 100)
  entityId?: string;

  @ApiPropertyOptional({ example: 'line-item.approve' })
  @Absent()
  @IsString()
  @Length(1, 100)
  action?: string;

  @ApiPropertyOptional({ description: "The acting API key's id." })
  @Absent()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  actorKeyId?: number;

  @ApiPropertyOptional({
    example: '2026-03-01T00:00:00Z',
    description:
      "From (included): a date-time with an offset, or a date meaning its midnight in the default business's zone.",
  })
  @Absent()
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-04-01',
    description: 'Before (excluded): a date is the midnight that starts it.',
  })
  @Absent()
  @IsDateOrInstant()
  to?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @Absent()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the page before.' })
  @Absent()
  @Matches(/^[1-9]\d{0,15}$/, { message: 'cursor is not one this API gave' })
  cursor?: string;
}

export class AuditEventView {
  @ApiProperty() id!: number;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ example: { keyId: 3, name: 'night auditor' } })
  actor!: { keyId: number | null; name: string };
  @ApiProperty({ example: 'line-item.approve' }) action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ nullable: true }) oldValue!: unknown;
  @ApiProperty({ nullable: true }) newValue!: unknown;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
}

export class AuditEventPageView {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

interface AuditRow {
  id: number;
  occurred_at_ms: number;
  actor_key_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  old_json: string | null;
  new_json: string | null;
  reason: string | null;
}

/** The audit trail, newest first: append-only (the ledger refuses UPDATE and DELETE). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit-events')
export class AuditEventsController {
  constructor(private readonly ledger: Ledger) {}

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Read the audit trail, newest first, a page at a time' })
  @ApiErrors(400, 401)
  @ApiOkResponse({ type: AuditEventPageView })
  async list(@Query() query: AuditEventsQueryDto): Promise<AuditEventPageView> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const equal = (column: string, value: unknown) => {
      if (value === undefined) return;
      clauses.push(`${column} = ?`);
      params.push(value);
    };
    equal('entity_type', query.entityType);
    equal('entity_id', query.entityId);
    equal('action', query.action);
    equal('actor_key_id', query.actorKeyId);
    // The audit trail is the ledger's: plain dates are the default business's days.
    const zone = await plainDateZone(this.ledger.manager, [query.from, query.to], {});
    const { fromMs, toMs } = optionalRange(query.from, query.to, zone, 'query');
    if (fromMs !== undefined) {
      clauses.push('occurred_at_ms >= ?');
      params.push(fromMs);
    }
    if (toMs !== undefined) {
      clauses.push('occurred_at_ms < ?');
      params.push(toMs);
    }
    if (query.cursor !== undefined) {
      clauses.push('id < ?');
      params.push(Number(query.cursor));
    }
    const limit = query.limit ?? 100;
    const rows = await this.ledger.manager.query<AuditRow[]>(
      `SELECT * FROM audit_events WHERE ${clauses.length ? clauses.join(' AND ') : '1'}
       ORDER BY id DESC LIMIT ?`,
      [...params, limit + 1],
    );
    const more = rows.length > limit;
    const shown = more ? rows.slice(0, limit) : rows;
    return {
      items: shown.map((row) => ({
        id: row.id,
        occurredAt: isoTime(row.occurred_at_ms),
        actor: { keyId: row.actor_key_id, name: row.actor_name },
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        oldValue: row.old_json === null ? null : (JSON.parse(row.old_json) as unknown),
        newValue: row.new_json === null ? null : (JSON.parse(row.new_json) as unknown),
        reason: row.reason,
      })),
      nextCursor: more ? String(shown[shown.length - 1].id) : null,
    };
  }
}
