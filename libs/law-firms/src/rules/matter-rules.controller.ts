import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
import { MatterRuleChangeView } from './dto/matter-rule-change.view';
import {
  CreateMatterRuleDto,
  MatterRuleListView,
  MatterRuleParams,
  MatterRuleView,
} from './dto/matter-rule.dto';
import { MatterRuleChange, MatterRulesService } from './matter-rules.service';

const changeView = (change: MatterRuleChange): MatterRuleChangeView => ({
  rule: MatterRuleView.of(change.rule),
  lawBookVersion: change.lawBookVersion,
  revalidated: change.revalidated,
});

@ApiTags('law firms')
@ApiBearerAuth()
@Controller('api/v1/businesses/:id/matter-rules')
export class MatterRulesController {
  constructor(private readonly rules: MatterRulesService) {}

  @Post()
  @RequireRole('accountant')
  @ApiOperation({
    summary: 'Add a client or matter rule (no charge, a markup, a rate plan) from a date on',
  })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'No business has this id.'],
    [
      409,
      'The business is not a law firm, a rule for this client and matter has this date already, or the rate plan is of another kind or currency than the plans of the business’s sources.',
    ],
    413,
    415,
  )
  @ApiCreatedResponse({ type: MatterRuleChangeView })
  async create(
    @Param() { id }: IdParam,
    @Body() body: CreateMatterRuleDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<MatterRuleChangeView> {
    return changeView(await this.rules.create(id, body, actor));
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: "List a firm's matter rules by client, matter and date" })
  @ApiErrors(400, 401, [404, 'No business has this id.'], [409, 'The business is not a law firm.'])
  @ApiOkResponse({ type: MatterRuleListView })
  async list(@Param() { id }: IdParam): Promise<MatterRuleListView> {
    return { items: (await this.rules.list(id)).map((rule) => MatterRuleView.of(rule)) };
  }

  @Delete(':ruleId')
  @RequireRole('accountant')
  @ApiOperation({ summary: 'Delete a matter rule: its calls are charged as before it' })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'No business has this id, or it has no rule of this id.'],
    [409, 'The business is not a law firm.'],
  )
  @ApiOkResponse({ type: MatterRuleChangeView })
  async delete(
    @Param() { id, ruleId }: MatterRuleParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<MatterRuleChangeView> {
    return changeView(await this.rules.delete(id, ruleId, actor));
  }
}
