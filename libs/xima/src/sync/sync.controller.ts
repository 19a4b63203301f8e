import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, Clock, DomainError, IdParam, RequireRole } from '@app/common';
import { Ledger, Source, SyncRun } from '@app/ledger';
import { SyncRequestDto, SyncRunListView, SyncRunView, SyncRunsQueryDto } from './dto/sync.dto';
import { SyncService } from './sync.service';
import { requestedWindow } from './sync-window';

/** How long a sync request waits for its run before answering 202 with it still running. */
export const SYNC_ANSWER_WAIT_MS = 20_000;

@ApiTags('sync')
@ApiBearerAuth()
@Controller('api/v1')
export class SyncController {
  constructor(
    private readonly sync: SyncService,
    private readonly ledger: Ledger,
    private readonly clock: Clock,
  ) {}

  /** Pulls and rates a window now: 200 with the finished run, or 202 while it goes on. */
  @Post('sources/:id/sync')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: "Pull and rate a window of a source's calls now" })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'No source has this id.'],
    [409, 'The source is syncing already: try again when that run ends.'],
    413,
    415,
    [503, 'No Xima connection is configured (XIMA_BASE_URL).'],
  )
  @ApiOkResponse({ type: SyncRunView, description: 'The run, finished (or failed: see `status`).' })
  @ApiAcceptedResponse({
    type: SyncRunView,
    description: `The run, still going after ${SYNC_ANSWER_WAIT_MS / 1000} s: follow it at \`/api/v1/sync-runs/{id}\`.`,
  })
  async start(
    @Param() { id }: IdParam,
    @Body() body: SyncRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SyncRunView> {
    const source = await this.ledger.manager.findOneBy(Source, { id });
    if (!source) throw new DomainError('not-found', `Source ${id} does not exist`);
    const window = requestedWindow(body.from, body.to, source.timezone, this.clock.now());
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
  @ApiOperation({ summary: 'List sync runs, newest first' })
  @ApiErrors(400, 401)
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
  @ApiOperation({ summary: 'Get a sync run' })
  @ApiErrors(400, 401, [404, 'No sync run has this id.'])
  @ApiOkResponse({ type: SyncRunView })
  async get(@Param() { id }: IdParam): Promise<SyncRunView> {
    const run = await this.ledger.manager.findOneBy(SyncRun, { id });
    if (!run) throw new DomainError('not-found', `Sync run ${id} does not exist`);
    return SyncRunView.of(run);
  }
}
