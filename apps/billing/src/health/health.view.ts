import { ApiProperty } from '@nestjs/swagger';
import { SYNC_TRIGGERS } from '@app/ledger';

export const HEALTH_STATUSES = ['ok', 'degraded'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

class IndicatorView {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
  @ApiProperty({ description: 'Milliseconds the ping took.' }) responseTime!: number;
}

class DatabaseIndicatorsView {
  @ApiProperty({ type: IndicatorView }) database!: IndicatorView;
}

export class XimaHealthView {
  @ApiProperty({
    enum: ['reachable', 'unreachable', 'unknown'],
    description:
      "From the last request a sync made to Xima (Xima is not called by /health); `unknown` until this process's first sync.",
  })
  status!: string;

  @ApiProperty({ nullable: true, type: String, example: '2026-03-04T07:15:02.114Z' })
  checkedAt!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Why Xima is unreachable.' })
  error!: string | null;
}

export class LastSyncView {
  @ApiProperty() runId!: number;
  @ApiProperty({ enum: ['succeeded', 'failed'] }) status!: string;
  @ApiProperty({ enum: SYNC_TRIGGERS }) trigger!: string;
  @ApiProperty({ example: '2026-03-02T07:00:00.000Z' }) from!: string;
  @ApiProperty({ example: '2026-03-04T07:00:00.000Z' }) to!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why the run failed (never the Xima token); null when it succeeded.',
    example:
      'chunk 2026-03-03T07:00:00.000Z to 2026-03-04T06:59:59.999Z: Xima report "CALLDTLX": Xima answered 403. …',
  })
  error!: string | null;
}

export class SourceHealthView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'Grand Hotel room calls' }) name!: string;
  @ApiProperty({ description: 'A run of this source is going on now.' }) syncing!: boolean;

  @ApiProperty({
    nullable: true,
    type: LastSyncView,
    description: 'The last run that ended; null until one has.',
  })
  lastSync!: LastSyncView | null;
}

/** `/health`: the database check of @nestjs/terminus, and how syncing goes. */
export class HealthView {
  @ApiProperty({
    enum: HEALTH_STATUSES,
    description:
      "`degraded` when an enabled source's last sync failed or Xima is unreachable: the service still answers, billing data is getting stale.",
  })
  status!: HealthStatus;

  @ApiProperty({ type: DatabaseIndicatorsView }) info!: object;
  @ApiProperty({ type: Object, example: {} }) error!: object;
  @ApiProperty({ type: DatabaseIndicatorsView }) details!: object;
  @ApiProperty({ type: XimaHealthView }) xima!: XimaHealthView;

  @ApiProperty({ type: [SourceHealthView], description: 'Every enabled source.' })
  sources!: SourceHealthView[];
}
