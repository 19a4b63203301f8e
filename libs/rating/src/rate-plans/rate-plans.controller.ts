import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiErrors, AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
import { AccountSummaryPlanDto, PerCallPlanDto } from '../validation';
import { ImportRateTableDto } from './dto/import-rate-table.dto';
import { MAX_QUOTE_RECORDS } from './dto/quote-records';
import { QuoteView } from './dto/quote-results.view';
import { RatePlanVersionDiffView } from './dto/rate-plan-diff.view';
import { RatePlanListView, RatePlanView } from './dto/rate-plan.view';
import { VersionDiffParams } from './dto/version-diff.params';
import { QuoteService } from './quote.service';
import { RatePlansService } from './rate-plans.service';
import {
  ADD_VERSION_EXAMPLES,
  CREATE_RATE_PLAN_EXAMPLES,
  QUOTE_EXAMPLES,
} from './rate-plan.examples';

/**
 * Plan bodies are validated by the rating library's own validator (the same one the CLI
 * uses), so they arrive here as plain JSON: `unknown` tells the global pipe to leave them be.
 */
const PLAN_SCHEMA = {
  oneOf: [{ $ref: getSchemaPath(PerCallPlanDto) }, { $ref: getSchemaPath(AccountSummaryPlanDto) }],
};

@ApiTags('rate-plans')
@ApiExtraModels(PerCallPlanDto, AccountSummaryPlanDto)
@ApiBearerAuth()
@Controller('api/v1/rate-plans')
export class RatePlansController {
  constructor(
    private readonly plans: RatePlansService,
    private readonly quotes: QuoteService,
  ) {}

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Create a rate plan (its version 1)' })
  @ApiErrors(400, 401, 403, [409, 'A rate plan has this name already.'], 413, 415)
  @ApiBody({
    description: 'A rate plan (docs/rating.md), optionally with `effectiveFrom`.',
    schema: PLAN_SCHEMA,
    examples: CREATE_RATE_PLAN_EXAMPLES,
  })
  @ApiCreatedResponse({ type: RatePlanView })
  async create(
    @Body() body: unknown,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<RatePlanView> {
    return RatePlanView.withVersions(await this.plans.create(body, actor));
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List rate plans' })
  @ApiErrors(401)
  @ApiOkResponse({ type: RatePlanListView })
  async list(): Promise<RatePlanListView> {
    return RatePlanListView.of(await this.plans.list());
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a rate plan with its versions' })
  @ApiErrors(400, 401, [404, 'No rate plan has this id.'])
  @ApiOkResponse({ type: RatePlanView })
  async get(@Param() { id }: IdParam): Promise<RatePlanView> {
    return RatePlanView.withVersions(await this.plans.get(id));
  }

  @Get(':id/versions/:a/diff/:b')
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'What changed from version a to version b of a rate plan',
    description:
      'Versions by their numbers, in either order (the same twice: no change). Rows of the plan’s tables are matched by what identifies them (a destination by its prefix, a rate by its class), so a row inserted or rows reordered show as what they are.',
  })
  @ApiErrors(400, 401, [404, 'No rate plan has this id, or the plan has no such version.'])
  @ApiOkResponse({ type: RatePlanVersionDiffView })
  async diff(@Param() { id, a, b }: VersionDiffParams): Promise<RatePlanVersionDiffView> {
    return RatePlanVersionDiffView.of(await this.plans.diffVersions(id, a, b));
  }

  @Post(':id/versions')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Add a version of a rate plan, in force from an instant' })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'No rate plan has this id.'],
    [409, 'A version of the plan is in force from that instant already.'],
    413,
    415,
  )
  @ApiBody({
    description: '`{ effectiveFrom, ...plan }`: the plan as it will be from that instant.',
    schema: PLAN_SCHEMA,
    examples: ADD_VERSION_EXAMPLES,
  })
  @ApiCreatedResponse({ type: RatePlanView })
  async addVersion(
    @Param() { id }: IdParam,
    @Body() body: unknown,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<RatePlanView> {
    return RatePlanView.withVersions(await this.plans.addVersion(id, body, actor));
  }

  @Post(':id/quote')
  @HttpCode(200)
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Quote records with a rate plan: a dry run that stores nothing' })
  @ApiErrors(
    400,
    401,
    [403, 'By session cookie: X-CSRF-Token is missing or wrong.'],
    [404, 'No rate plan has this id.'],
    413,
    415,
  )
  @ApiBody({
    description: '`{ records: [...] }`: canonical call records, or summary rows.',
    schema: {
      type: 'object',
      required: ['records'],
      properties: {
        records: {
          type: 'array',
          items: { type: 'object', additionalProperties: true },
          maxItems: MAX_QUOTE_RECORDS,
        },
      },
    },
    examples: QUOTE_EXAMPLES,
  })
  @ApiOkResponse({ type: QuoteView })
  async quote(@Param() { id }: IdParam, @Body() body: unknown): Promise<QuoteView> {
    return QuoteView.of(await this.quotes.quote(id, body));
  }

  @Post(':id/rate-table')
  @RequireRole('admin')
  @ApiOperation({
    summary: "Add a version whose destinations and rates come from a carrier's CSV rate table",
  })
  @ApiErrors(
    [400, 'The CSV or the plan it makes is refused: each detail names its CSV line (`line 7`).'],
    401,
    403,
    [404, 'No rate plan has this id.'],
    [409, 'A version of the plan is in force from that instant already.'],
    413,
    415,
  )
  @ApiCreatedResponse({ type: RatePlanView })
  async importRateTable(
    @Param() { id }: IdParam,
    @Body() body: ImportRateTableDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<RatePlanView> {
    return RatePlanView.withVersions(
      await this.plans.importRateTable(id, body.csv, body.effectiveFrom, actor),
    );
  }
}
