import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isoTime, redactedUrl } from '@app/common';
import { SOURCE_KINDS, Source } from '@app/ledger';
import type { SourceColumns } from './source.dto';

const optionalIso = (ms: number | null): string | null => (ms === null ? null : isoTime(ms));

/** A source as the API shows it; the delivery secret is write-only. */
export class SourceView {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SOURCE_KINDS }) kind!: string;
  @ApiProperty() historicDataKey!: string;
  @ApiProperty() ratePlanId!: number;
  @ApiProperty({ description: 'The business whose calls these are.' }) businessId!: number;
  @ApiProperty() timezone!: string;
  @ApiPropertyOptional({ nullable: true, type: Object }) columns!: SourceColumns | null;
  @ApiPropertyOptional({ nullable: true, type: [Object] }) parameters!: object[] | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty() autoApprove!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) syncCron!: string | null;
  @ApiProperty() chunkDays!: number;
  @ApiProperty() overlapMinutes!: number;
  @ApiProperty() settleMinutes!: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Synced up to here.' })
  watermark!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Without credentials; a query string shows as ?redacted (it may hold a token).',
  })
  deliveryUrl!: string | null;
  @ApiProperty({ description: 'Whether a delivery secret is set (it is never shown).' })
  deliverySecretSet!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;

  static of(source: Source): SourceView {
    return {
      id: source.id,
      name: source.name,
      kind: source.kind,
      historicDataKey: source.historicDataKey,
      ratePlanId: source.ratePlanId,
      businessId: source.businessId,
      timezone: source.timezone,
      columns:
        source.columnsJson === null ? null : (JSON.parse(source.columnsJson) as SourceColumns),
      parameters:
        source.parametersJson === null ? null : (JSON.parse(source.parametersJson) as object[]),
      enabled: source.enabled,
      autoApprove: source.autoApprove,
      syncCron: source.syncCron,
      chunkDays: source.chunkDays,
      overlapMinutes: source.overlapMinutes,
      settleMinutes: source.settleMinutes,
      watermark: optionalIso(source.watermarkMs),
      deliveryUrl: source.deliveryUrl === null ? null : redactedUrl(source.deliveryUrl),
      deliverySecretSet: source.deliverySecret !== null,
      createdAt: isoTime(source.createdAtMs),
      updatedAt: isoTime(source.updatedAtMs),
      version: source.version,
    };
  }
}

export class SourceListView {
  @ApiProperty({ type: [SourceView] }) items!: SourceView[];

  static of(sources: Source[]): SourceListView {
    return { items: sources.map((source) => SourceView.of(source)) };
  }
}
