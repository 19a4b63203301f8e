import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
import { CreateSourceDto, UpdateSourceDto } from './dto/source.dto';
import { SourceListView, SourceView } from './dto/source.view';
import { SourcesService } from './sources.service';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('api/v1/sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Create a source: a Xima report to pull, rated with a plan' })
  @ApiErrors(400, 401, 403, [409, 'A source has this name already.'], 413, 415)
  @ApiCreatedResponse({ type: SourceView })
  async create(
    @Body() body: CreateSourceDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<SourceView> {
    return SourceView.of(await this.sources.create(body, actor));
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List sources' })
  @ApiErrors(401)
  @ApiOkResponse({ type: SourceListView })
  async list(): Promise<SourceListView> {
    return SourceListView.of(await this.sources.list());
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a source' })
  @ApiErrors(400, 401, [404, 'No source has this id.'])
  @ApiOkResponse({ type: SourceView })
  async get(@Param() { id }: IdParam): Promise<SourceView> {
    return SourceView.of(await this.sources.get(id));
  }

  @Patch(':id')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Change a source (only the fields sent)' })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'No source has this id.'],
    [409, 'Another source has this name.'],
    413,
    415,
  )
  @ApiOkResponse({ type: SourceView })
  async update(
    @Param() { id }: IdParam,
    @Body() body: UpdateSourceDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<SourceView> {
    return SourceView.of(await this.sources.update(id, body, actor));
  }
}
