import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
import { BusinessesService } from './businesses.service';
import { CreateBusinessDto, UpdateBusinessDto } from './dto/business.dto';
import { BusinessListView, BusinessView } from './dto/business.view';

@ApiTags('businesses')
@ApiBearerAuth()
@Controller('api/v1/businesses')
export class BusinessesController {
  constructor(private readonly businesses: BusinessesService) {}

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Create a business (a hotel, a law firm or other) that invoices calls' })
  @ApiErrors(400, 401, 403, [409, 'Another business has this name or invoice prefix.'], 413, 415)
  @ApiCreatedResponse({ type: BusinessView })
  async create(
    @Body() body: CreateBusinessDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<BusinessView> {
    return BusinessView.of(await this.businesses.create(body, actor));
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List businesses' })
  @ApiErrors(401)
  @ApiOkResponse({ type: BusinessListView })
  async list(): Promise<BusinessListView> {
    return BusinessListView.of(await this.businesses.list());
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a business' })
  @ApiErrors(400, 401, [404, 'No business has this id.'])
  @ApiOkResponse({ type: BusinessView })
  async get(@Param() { id }: IdParam): Promise<BusinessView> {
    return BusinessView.of(await this.businesses.get(id));
  }

  @Patch(':id')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Change a business (only the fields sent)' })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'No business has this id.'],
    [
      409,
      'Another business has this name or invoice prefix, or the prefix is on numbered invoices already.',
    ],
    413,
    415,
  )
  @ApiOkResponse({ type: BusinessView })
  async update(
    @Param() { id }: IdParam,
    @Body() body: UpdateBusinessDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<BusinessView> {
    return BusinessView.of(await this.businesses.update(id, body, actor));
  }
}
