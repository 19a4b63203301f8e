import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
import { AccountSummaryPlanDto, PerCallPlanDto } from '../validation';
import { QuoteResult } from './dto/quote.view';
import { RatePlanListView, RatePlanSummaryView, RatePlanView } from './dto/rate-plan.view';
import { QuoteService } from './quote.service';
import { RatePlansService } from './rate-plans.service';

class QuoteView {
  results!: QuoteResult[];
}

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
  @ApiBody({
    description: 'A rate plan (rating.md), optionally with `effectiveFrom`.',
    schema: PLAN_SCHEMA,
  })
  @ApiCreatedResponse({ type: RatePlanView })
  async create(
    @Body() body: unknown,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<RatePlanView> {
    const { plan, versions } = await this.plans.create(body, actor);
    return RatePlanView.withVersions(plan, versions);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: RatePlanListView })
  async list(): Promise<RatePlanListView> {
    return { items: (await this.plans.list()).map((plan) => RatePlanSummaryView.of(plan)) };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOkResponse({ type: RatePlanView })
  async get(@Param() { id }: IdParam): Promise<RatePlanView> {
    const { plan, versions } = await this.plans.get(id);
    return RatePlanView.withVersions(plan, versions);
  }

  @Post(':id/versions')
  @RequireRole('admin')
  @ApiBody({
    description: '`{ effectiveFrom, ...plan }`: the plan as it will be from that instant.',
    schema: PLAN_SCHEMA,
  })
  @ApiCreatedResponse({ type: RatePlanView })
  async addVersion(
    @Param() { id }: IdParam,
    @Body() body: unknown,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<RatePlanView> {
    const { plan, versions } = await this.plans.addVersion(id, body, actor);
    return RatePlanView.withVersions(plan, versions);
  }

  @Post(':id/quote')
  @HttpCode(200)
  @RequireRole('viewer')
  @ApiBody({ description: '`{ records: [...] }`: canonical call records, or summary rows.' })
  @ApiOkResponse({ type: QuoteView })
  async quote(@Param() { id }: IdParam, @Body() body: unknown): Promise<QuoteView> {
    return { results: await this.quotes.quote(id, body) };
  }
}
