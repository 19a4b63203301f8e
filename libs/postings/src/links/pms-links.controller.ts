import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
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
import { CreatePmsLinkDto, UpdatePmsLinkDto } from './dto/pms-link.dto';
import { PmsLinkListView, PmsLinkView } from './dto/pms-link.view';
import { PmsLinksService } from './pms-links.service';

const NOT_FOUND: ApiErrorCase = [404, 'No PMS link has this id.'];

@ApiTags('pms-links')
@ApiBearerAuth()
@Controller('api/v1/pms-links')
export class PmsLinksController {
  constructor(private readonly links: PmsLinksService) {}

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: "Link sources' rooms to a hotel's PMS (FIAS over TCP)" })
  @ApiErrors(400, 401, 403, [409, 'A link has this name, or a source has a link.'], 413, 415)
  @ApiCreatedResponse({ type: PmsLinkView })
  create(
    @Body() body: CreatePmsLinkDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<PmsLinkView> {
    return this.links.create(body, actor);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List PMS links with their state and queue' })
  @ApiErrors(401)
  @ApiOkResponse({ type: PmsLinkListView })
  async list(): Promise<PmsLinkListView> {
    return { items: await this.links.list() };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'A PMS link: its settings, state, when it last heard the PMS, its queue',
  })
  @ApiErrors(400, 401, NOT_FOUND)
  @ApiOkResponse({ type: PmsLinkView })
  get(@Param() { id }: IdParam): Promise<PmsLinkView> {
    return this.links.get(id);
  }

  @Patch(':id')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Change a PMS link (only the fields sent); the link restarts' })
  @ApiErrors(400, 401, 403, NOT_FOUND, [409, 'Another link has this name or source.'], 413, 415)
  @ApiOkResponse({ type: PmsLinkView })
  update(
    @Param() { id }: IdParam,
    @Body() body: UpdatePmsLinkDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<PmsLinkView> {
    return this.links.update(id, body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Delete a PMS link that never posted (else disable it)' })
  @ApiErrors(400, 401, 403, NOT_FOUND, [409, 'The link has postings or stays.'])
  @ApiNoContentResponse()
  async delete(@Param() { id }: IdParam, @CurrentActor() actor: AuthenticatedActor): Promise<void> {
    await this.links.delete(id, actor);
  }

  @Post(':id/resync')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Ask the PMS for every guest in house (a database resync)' })
  @ApiErrors(400, 401, 403, NOT_FOUND, [409, 'The link is not running.'])
  @ApiOkResponse({ type: PmsLinkView })
  resync(
    @Param() { id }: IdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<PmsLinkView> {
    return this.links.resync(id, actor);
  }
}
