import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyListView, ApiKeyView, CreatedApiKeyView } from './dto/api-key.view';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyView, description: 'The key is in `key`, this once.' })
  async create(
    @Body() body: CreateApiKeyDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<CreatedApiKeyView> {
    const { key, secret } = await this.apiKeys.create({ ...body, origin: 'api' }, actor);
    return Object.assign(ApiKeyView.of(key), { key: secret });
  }

  @Get()
  @ApiOkResponse({ type: ApiKeyListView })
  async list(): Promise<ApiKeyListView> {
    return { items: (await this.apiKeys.list()).map((key) => ApiKeyView.of(key)) };
  }

  @Delete(':id')
  @ApiOkResponse({ type: ApiKeyView, description: 'The key, now revoked.' })
  async revoke(
    @Param() { id }: IdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<ApiKeyView> {
    return ApiKeyView.of(await this.apiKeys.revoke(id, actor));
  }
}
