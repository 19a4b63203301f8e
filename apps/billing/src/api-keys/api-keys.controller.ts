import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
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
  @ApiOperation({ summary: 'Create an API key (its secret is shown once)' })
  @ApiErrors(400, 401, 403, 413, 415)
  @ApiCreatedResponse({ type: CreatedApiKeyView, description: 'The key is in `key`, this once.' })
  async create(
    @Body() body: CreateApiKeyDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<CreatedApiKeyView> {
    return CreatedApiKeyView.withSecret(
      await this.apiKeys.create({ ...body, origin: 'api' }, actor),
    );
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (never their secrets)' })
  @ApiErrors(401, 403)
  @ApiOkResponse({ type: ApiKeyListView })
  async list(): Promise<ApiKeyListView> {
    return ApiKeyListView.of(await this.apiKeys.list());
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiErrors(400, 401, 403, [404, 'No API key has this id.'], [409, 'The key is already revoked.'])
  @ApiOkResponse({ type: ApiKeyView, description: 'The key, now revoked.' })
  async revoke(
    @Param() { id }: IdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<ApiKeyView> {
    return ApiKeyView.of(await this.apiKeys.revoke(id, actor));
  }
}
