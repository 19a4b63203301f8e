import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
import { ApiImportBody, listInput } from '../import/import-body';
import { MAX_IMPORT_ROWS } from '../import/list-input';
import {
  ImportMattersDto,
  MATTERS_CSV_EXAMPLE,
  MATTERS_JSON_EXAMPLE,
} from './dto/import-matters.dto';
import { MatterImportSummaryView } from './dto/matter-import-summary.view';
import { MatterQueryDto } from './dto/matter-query.dto';
import { MatterPageView, MatterView } from './dto/matter.view';
import { MATTER_COLUMNS } from './matter-list';
import { MattersService } from './matters.service';

const NOT_A_LAW_FIRM: [409, string] = [
  409,
  'The business is not a law firm (kind law-firm): the message names its kind.',
];

@ApiTags('law firms')
@ApiBearerAuth()
@Controller('api/v1/businesses/:id/matters')
export class MattersController {
  constructor(private readonly matters: MattersService) {}

  @Post('import')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiOperation({
    summary: "Import a law firm's matter list (CSV or JSON), all or nothing",
    description:
      'Each row adds or updates a matter by (clientNumber, matterNumber); matters the file does not name are kept as they are (`notInFile`). ' +
      `A file with any problem changes nothing: every problem is listed by line. At most ${MAX_IMPORT_ROWS} rows. ` +
      'When anything changed, the law book version is bumped and the firm’s unsettled items are re-validated in the same transaction; the same file again changes nothing.',
  })
  @ApiImportBody(
    ImportMattersDto,
    MATTERS_JSON_EXAMPLE,
    MATTERS_CSV_EXAMPLE,
    `JSON, or text/csv with the header ${MATTER_COLUMNS.join(',')} (status open|closed, closedDate YYYY-MM-DD when closed, billable yes|no).`,
  )
  @ApiErrors(
    [
      400,
      'The list has problems: `details` names each by its line (`line 7`) or place (`matters.6`).',
    ],
    401,
    403,
    [404, 'No business has this id.'],
    NOT_A_LAW_FIRM,
    [413, 'The body is larger than 32 MB, the most an import takes.'],
    [415, 'The body is neither JSON nor text/csv.'],
  )
  @ApiOkResponse({ type: MatterImportSummaryView })
  import(
    @Param() { id }: IdParam,
    @Body() body: unknown,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<MatterImportSummaryView> {
    return this.matters.import(
      id,
      listInput(body, 'matters', MATTER_COLUMNS, ['closedDate']),
      actor,
    );
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: "List a firm's matters by client and matter number, a page at a time" })
  @ApiErrors(400, 401, [404, 'No business has this id.'], NOT_A_LAW_FIRM)
  @ApiOkResponse({ type: MatterPageView })
  async list(@Param() { id }: IdParam, @Query() query: MatterQueryDto): Promise<MatterPageView> {
    const page = await this.matters.list(id, { ...query, limit: query.limit ?? 100 });
    return { items: page.items.map((m) => MatterView.of(m)), nextCursor: page.nextCursor };
  }
}
