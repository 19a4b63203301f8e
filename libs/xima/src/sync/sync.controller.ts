import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, IdParam, RequireRole } from '@app/common';
import { SyncRequestDto } from './dto/sync-request.dto';
import { RecordErrorsQueryDto } from './dto/record-errors-query.dto';
import {
  RecordErrorListView,
  RecordErrorView,
  SyncRunListView,
  SyncRunView,
} from './dto/sync-run.view';
import { SyncRunsQueryDto } from './dto/sync-runs-query.dto';
import { SyncService } from './sync.service';

/** How long a sync request waits for its run before answering 202 with it still running. */
export const SYNC_ANSWER_WAIT_MS = 20_000;

@ApiTags('sync')
@ApiBearerAuth()
@Controller('api/v1')
export class SyncController {
  constructor(private readonly sync: SyncService) {}

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
    const { run, ended } = await this.sync.syncNow(id, body, SYNC_ANSWER_WAIT_MS);
    if (!ended) response.status(202);
    return SyncRunView.of(run);
  }

  @Get('sync-runs')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List sync runs, newest first' })
  @ApiErrors(400, 401)
  @ApiOkResponse({ type: SyncRunListView })
  async list(@Query() query: SyncRunsQueryDto): Promise<SyncRunListView> {
    return { items: (await this.sync.listRuns(query)).map((run) => SyncRunView.of(run)) };
  }

  @Get('sync-runs/:id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a sync run' })
  @ApiErrors(400, 401, [404, 'No sync run has this id.'])
  @ApiOkResponse({ type: SyncRunView })
  async get(@Param() { id }: IdParam): Promise<SyncRunView> {
    return SyncRunView.of(await this.sync.getRun(id));
  }

  @Get('sync-runs/:id/errors')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List the rows a sync run could not read or rate, with why' })
  @ApiErrors(400, 401, [404, 'No sync run has this id.'])
  @ApiOkResponse({ type: RecordErrorListView })
  async errors(
    @Param() { id }: IdParam,
    @Query() query: RecordErrorsQueryDto,
  ): Promise<RecordErrorListView> {
    const errors = await this.sync.runErrors(id, query.limit ?? 100);
    return { items: errors.map((error) => RecordErrorView.of(error)) };
  }
}
