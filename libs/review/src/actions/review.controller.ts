import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorCase,
  ApiErrors,
  AuthenticatedActor,
  CurrentActor,
  DomainError,
  IdParam,
  RequireRole,
} from '@app/common';
import { LineItemView } from '../line-items/line-item.view';
import {
  AdjustDto,
  AssignDto,
  BulkDto,
  OptionalReasonDto,
  ReRateDto,
  ReasonDto,
} from './review.dto';
import { ReRateOutcome, ReRateService } from './re-rate.service';
import { BulkOutcomeView, ReRateOutcomeView } from './review-outcome.view';
import { ReviewAction } from './review-moves';
import { ActionInput, ReviewService } from './review.service';

/** `If-Match: "3"` (or `W/"3"`, or `3`) and a body `version` must agree; either may be absent. */
export function expectedVersion(
  ifMatch: string | undefined,
  body: number | undefined,
): number | undefined {
  if (ifMatch === undefined) return body;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(ifMatch);
  if (!match) {
    throw DomainError.invalid('request', [
      { field: 'If-Match', message: 'If-Match must be the item version, e.g. "3"' },
    ]);
  }
  const version = Number(match[1]);
  if (body !== undefined && body !== version) {
    throw DomainError.invalid('request', [
      { field: 'version', message: `version ${body} disagrees with If-Match ${version}` },
    ]);
  }
  return version;
}

const IF_MATCH = { name: 'If-Match', required: false, description: 'The version acted on.' };

/** What an action on one item can answer besides the item. */
const ACTION_ERRORS: ApiErrorCase[] = [
  400,
  401,
  403,
  [404, 'No line item has this id.'],
  [
    409,
    'The item has changed since the version sent (reload it), or its status does not allow this.',
  ],
  413,
  415,
];

@ApiTags('line items')
@ApiBearerAuth()
@Controller('api/v1/line-items')
export class ReviewController {
  constructor(
    private readonly review: ReviewService,
    private readonly reRating: ReRateService,
  ) {}

  private act(
    id: number,
    action: ReviewAction,
    body: ActionInput,
    ifMatch: string | undefined,
    actor: AuthenticatedActor,
  ): Promise<LineItemView> {
    const version = expectedVersion(ifMatch, body.version);
    return this.review.act(id, action, { ...body, version }, actor);
  }

  @Post('bulk')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiOperation({
    summary: 'Approve, reject, assign or reset many items at once: all of them or none',
  })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'An id names no line item; nothing was changed.'],
    [409, "An item's status does not allow the action; nothing was changed."],
    413,
    415,
  )
  @ApiOkResponse({ type: BulkOutcomeView })
  bulk(@Body() body: BulkDto, @CurrentActor() actor: AuthenticatedActor): Promise<BulkOutcomeView> {
    return this.review.bulk(body, actor);
  }

  /** Rates matched items again after a plan change; see ReRateService. */
  @Post('re-rate')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiOperation({ summary: 'Rate the matched items again, after a plan change' })
  @ApiErrors(400, 401, 403, 413, 415)
  @ApiOkResponse({ type: ReRateOutcomeView })
  reRate(
    @Body() body: ReRateDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<ReRateOutcome> {
    return this.reRating.reRate(body.filter, body.resetReview ?? false, actor);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Approve a line item for invoicing' })
  @ApiErrors(...ACTION_ERRORS)
  @ApiOkResponse({ type: LineItemView })
  approve(
    @Param() { id }: IdParam,
    @Body() body: OptionalReasonDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<LineItemView> {
    return this.act(id, 'approve', body, ifMatch, actor);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Reject a line item: it is not billed (reset undoes this)' })
  @ApiErrors(...ACTION_ERRORS)
  @ApiOkResponse({ type: LineItemView })
  reject(
    @Param() { id }: IdParam,
    @Body() body: ReasonDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<LineItemView> {
    return this.act(id, 'reject', body, ifMatch, actor);
  }

  @Post(':id/adjust')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Adjust the amount billed for a line item' })
  @ApiErrors(...ACTION_ERRORS)
  @ApiOkResponse({ type: LineItemView })
  adjust(
    @Param() { id }: IdParam,
    @Body() body: AdjustDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<LineItemView> {
    return this.act(id, 'adjust', body, ifMatch, actor);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Assign a line item to another billing account' })
  @ApiErrors(...ACTION_ERRORS)
  @ApiOkResponse({ type: LineItemView })
  assign(
    @Param() { id }: IdParam,
    @Body() body: AssignDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<LineItemView> {
    return this.act(id, 'assign', body, ifMatch, actor);
  }

  @Post(':id/reset')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Reset an approved or rejected line item, to review it again' })
  @ApiErrors(...ACTION_ERRORS)
  @ApiOkResponse({ type: LineItemView })
  reset(
    @Param() { id }: IdParam,
    @Body() body: OptionalReasonDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<LineItemView> {
    return this.act(id, 'reset', body, ifMatch, actor);
  }
}
