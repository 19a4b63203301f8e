import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DateTime } from 'luxon';
import { DomainError, IdParam, RequireRole } from '@app/common';
import { Ledger, Source, SyncRun } from '@app/ledger';
import { SyncRequestDto, SyncRunListView, SyncRunView, SyncRunsQueryDto } from './dto/sync.dto';
import { SyncService } from './sync.service';

/** How long a sync request waits for its run before answering 202 with it still running. */
export const SYNC_ANSWER_WAIT_MS = 20_000;

@ApiTags('sync')
@ApiBearerAuth()
@Controller('api/v1')
export class SyncController {
  constructor(
    private readonly sync: SyncService,
    private readonly ledger: Ledger,
  ) {}

  /** Pulls and rates a window now: 200 with the finished run, or 202 while it goes on. */
  @Post('sources/:id/sync')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOkResponse({ type: SyncRunView })
  @ApiAcceptedResponse({ type: SyncRunView })
  async start(
    @Param() { id }: IdParam,
    @Body() body: SyncRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SyncRunView> {
    const source = await this.ledger.manager.findOneBy(Source, { id });
    if (!source) throw new DomainError('not-found', `Source ${id} does not exist`);
    const window = windowOf(body, source.timezone);
    const { run, done } = await this.sync.start(id, 'manual', window);
    const finished = await Promise.race([
      done,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), SYNC_ANSWER_WAIT_MS).unref()),
    ]);
    if (finished === null) response.status(202);
    return SyncRunView.of(finished ?? run);
  }

  @Get('sync-runs')
  @RequireRole('viewer')
  @ApiOkResponse({ type: SyncRunListView })
  async list(@Query() query: SyncRunsQueryDto): Promise<SyncRunListView> {
    const runs = await this.ledger.manager.find(SyncRun, {
      where: query.sourceId === undefined ? {} : { sourceId: query.sourceId },
      order: { id: 'DESC' },
      take: query.limit ?? 50,
    });
    return { items: runs.map((run) => SyncRunView.of(run)) };
  }

  @Get('sync-runs/:id')
  @RequireRole('viewer')
  @ApiOkResponse({ type: SyncRunView })
  async get(@Param() { id }: IdParam): Promise<SyncRunView> {
    const run = await this.ledger.manager.findOneBy(SyncRun, { id });
    if (!run) throw new DomainError('not-found', `Sync run ${id} does not exist`);
    return SyncRunView.of(run);
  }
}

/** `{ from, to }` in epoch ms; a plain date is midnight in the source's zone. */
function windowOf(
  body: SyncRequestDto,
  timezone: string,
): { startMs: number; endMs: number } | undefined {
  if (body.from === undefined && body.to === undefined) return undefined;
  if (body.from === undefined || body.to === undefined) {
    const missing = body.from === undefined ? 'from' : 'to';
    throw DomainError.invalid('request', [
      { field: missing, message: `${missing} is required with the other` },
    ]);
  }
  const at = (text: string) =>
    DateTime.fromISO(text, { zone: timezone, setZone: false }).toMillis();
  const startMs = at(body.from);
  const endMs = at(body.to);
  if (!(endMs > startMs)) {
    throw DomainError.invalid('request', [{ field: 'to', message: 'to must be after from' }]);
  }
  if (endMs - startMs > 400 * 86_400_000) {
    throw DomainError.invalid('request', [
      { field: 'to', message: 'a window is at most 400 days; use the CLI backfill for longer' },
    ]);
  }
  return { startMs, endMs };
}
