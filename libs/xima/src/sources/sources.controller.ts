import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
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
  @ApiCreatedResponse({ type: SourceView })
  async create(
    @Body() body: CreateSourceDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<SourceView> {
    return SourceView.of(await this.sources.create(body, actor));
  }

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: SourceListView })
  async list(): Promise<SourceListView> {
    return { items: (await this.sources.list()).map((source) => SourceView.of(source)) };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOkResponse({ type: SourceView })
  async get(@Param() { id }: IdParam): Promise<SourceView> {
    return SourceView.of(await this.sources.get(id));
  }

  @Patch(':id')
  @RequireRole('admin')
  @ApiOkResponse({ type: SourceView })
  async update(
    @Param() { id }: IdParam,
    @Body() body: UpdateSourceDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<SourceView> {
    return SourceView.of(await this.sources.update(id, body, actor));
  }
}
