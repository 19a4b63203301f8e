import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
import { ApiImportBody, listInput } from '../import/import-body';
import { MAX_IMPORT_ROWS } from '../import/list-input';
import {
  ImportTimekeepersDto,
  TIMEKEEPERS_CSV_EXAMPLE,
  TIMEKEEPERS_JSON_EXAMPLE,
  TimekeeperImportSummaryView,
  TimekeeperListView,
  TimekeeperView,
} from './dto/timekeeper.view';
import { TIMEKEEPER_COLUMNS } from './timekeeper-list';
import { TimekeepersService } from './timekeepers.service';

const NOT_A_LAW_FIRM: [409, string] = [
  409,
  'The business is not a law firm (kind law-firm): the message names its kind.',
];

@ApiTags('law firms')
@ApiBearerAuth()
@Controller('api/v1/businesses/:id/timekeepers')
export class TimekeepersController {
  constructor(private readonly timekeepers: TimekeepersService) {}

  @Post('import')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiOperation({
    summary: "Replace a law firm's timekeeper list (CSV or JSON), all or nothing",
    description:
      'Each row says who used an extension from a date on (`effectiveFrom` empty: since always); the file is the whole list, history included. ' +
      `A file with any problem changes nothing: every problem is listed by line. At most ${MAX_IMPORT_ROWS} rows. The same file again changes nothing.`,
  })
  @ApiImportBody(
    ImportTimekeepersDto,
    TIMEKEEPERS_JSON_EXAMPLE,
    TIMEKEEPERS_CSV_EXAMPLE,
    `JSON, or text/csv with the header ${TIMEKEEPER_COLUMNS.join(',')}.`,
  )
  @ApiErrors(
    [
      400,
      'The list has problems: `details` names each by its line (`line 7`) or place (`timekeepers.6`).',
    ],
    401,
    403,
    [404, 'No business has this id.'],
    NOT_A_LAW_FIRM,
    [413, 'The body is larger than 32 MB, the most an import takes.'],
    [415, 'The body is neither JSON nor text/csv.'],
  )
  @ApiOkResponse({ type: TimekeeperImportSummaryView })
  import(
    @Param() { id }: IdParam,
    @Body() body: unknown,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<TimekeeperImportSummaryView> {
    const input = listInput(body, 'timekeepers', TIMEKEEPER_COLUMNS, ['effectiveFrom']);
    return this.timekeepers.import(id, input, actor);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: "List a firm's timekeepers, by extension then date" })
  @ApiErrors(400, 401, [404, 'No business has this id.'], NOT_A_LAW_FIRM)
  @ApiOkResponse({ type: TimekeeperListView })
  async list(@Param() { id }: IdParam): Promise<TimekeeperListView> {
    return { items: (await this.timekeepers.list(id)).map((t) => TimekeeperView.of(t)) };
  }
}
