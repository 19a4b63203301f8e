import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
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
  @ApiCreatedResponse({ type: BusinessView })
  async create(
    @Body() body: CreateBusinessDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<BusinessView> {
    return BusinessView.of(await this.businesses.create(body, actor));
  }

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: BusinessListView })
  async list(): Promise<BusinessListView> {
    return { items: (await this.businesses.list()).map((b) => BusinessView.of(b)) };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOkResponse({ type: BusinessView })
  async get(@Param() { id }: IdParam): Promise<BusinessView> {
    return BusinessView.of(await this.businesses.get(id));
  }

  @Patch(':id')
  @RequireRole('admin')
  @ApiOkResponse({ type: BusinessView })
  async update(
    @Param() { id }: IdParam,
    @Body() body: UpdateBusinessDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<BusinessView> {
    return BusinessView.of(await this.businesses.update(id, body, actor));
  }
}
