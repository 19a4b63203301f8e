import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrorCase,
  ApiErrors,
  AuthenticatedActor,
  CurrentActor,
  IdParam,
  RequireRole,
} from '@app/common';
import {
  PostingsQueryDto,
  PostingVersionDto,
  RerouteDto,
  PostingReasonDto,
} from './dto/posting.dto';
import { PostingListView, PostingView } from './dto/posting.view';
import { PostingsService } from './postings.service';

const STALE: ApiErrorCase = [409, 'Not an exception, or changed since read (version).'];

@ApiTags('postings')
@ApiBearerAuth()
@Controller('api/v1/postings')
export class PostingsController {
  constructor(private readonly postings: PostingsService) {}

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Postings to the PMS, newest first: the queue and its exceptions' })
  @ApiErrors(400, 401)
  @ApiOkResponse({ type: PostingListView })
  list(@Query() query: PostingsQueryDto): Promise<PostingListView> {
    return this.postings.list(query);
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a posting' })
  @ApiErrors(400, 401, [404, 'No posting has this id.'])
  @ApiOkResponse({ type: PostingView })
  get(@Param() { id }: IdParam): Promise<PostingView> {
    return this.postings.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiOperation({ summary: 'Send an exception again, as it is' })
  @ApiErrors(400, 401, 403, [404, 'No posting has this id.'], STALE, 413, 415)
  @ApiOkResponse({ type: PostingView })
  retry(
    @Param() { id }: IdParam,
    @Body() body: PostingVersionDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<PostingView> {
    return this.postings.retry(id, body.version, actor);
  }

  @Post(':id/reroute')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiOperation({ summary: "Post an exception to another room's guest in house" })
  @ApiErrors(400, 401, 403, [404, 'No posting has this id.'], STALE, 413, 415)
  @ApiOkResponse({ type: PostingView })
  reroute(
    @Param() { id }: IdParam,
    @Body() body: RerouteDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<PostingView> {
    return this.postings.reroute(id, body.version, body.room, actor);
  }

  @Post(':id/post-late')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiOperation({ summary: "Post an exception to its checked-out guest's folio as a late charge" })
  @ApiErrors(400, 401, 403, [404, 'No posting has this id.'], STALE, 413, 415)
  @ApiOkResponse({ type: PostingView })
  postLate(
    @Param() { id }: IdParam,
    @Body() body: PostingVersionDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<PostingView> {
    return this.postings.postLate(id, body.version, actor);
  }

  @Post(':id/write-off')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiOperation({ summary: 'Write an exception off: never posted, its line item rejected' })
  @ApiErrors(400, 401, 403, [404, 'No posting has this id.'], STALE, 413, 415)
  @ApiOkResponse({ type: PostingView })
  writeOff(
    @Param() { id }: IdParam,
    @Body() body: PostingReasonDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<PostingView> {
    return this.postings.writeOff(id, body.version, body.reason, actor);
  }

  @Post(':id/correct')
  @HttpCode(201)
  @RequireRole('accountant')
  @ApiOperation({
    summary: 'Correct a posted charge: a new posting of its negative amount (never an edit)',
  })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'No posting has this id.'],
    [409, 'Not posted, a correction itself, corrected already, or changed since read.'],
    413,
    415,
  )
  @ApiCreatedResponse({ type: PostingView })
  correct(
    @Param() { id }: IdParam,
    @Body() body: PostingReasonDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<PostingView> {
    return this.postings.correct(id, body.version, body.reason, actor);
  }
}
