import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UserListView, UserView, UserWithPasswordView } from './dto/user.view';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user who signs in with an email and a password' })
  @ApiErrors(400, 401, 403, [409, 'Another user has this email.'], 413, 415)
  @ApiCreatedResponse({
    type: UserWithPasswordView,
    description: 'Without a password in the request, a one-time `password`, this once.',
  })
  async create(
    @Body() body: CreateUserDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<UserWithPasswordView> {
    return UserWithPasswordView.withPassword(await this.users.create(body, actor));
  }

  @Get()
  @ApiOperation({ summary: 'List users (never their passwords)' })
  @ApiErrors(401, 403)
  @ApiOkResponse({ type: UserListView })
  async list(): Promise<UserListView> {
    return UserListView.of(await this.users.list());
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a user' })
  @ApiErrors(400, 401, 403, [404, 'No user has this id.'])
  @ApiOkResponse({ type: UserView })
  async get(@Param() { id }: IdParam): Promise<UserView> {
    return UserView.of(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a user (only the fields sent); disabling ends their sessions',
    description:
      'Refused (409) when it would disable or demote the last enabled admin user, or when an admin would disable or demote themself.',
  })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'No user has this id.'],
    [
      409,
      'Another user has this email; or the change would disable or demote the last enabled admin user, or the admin making it.',
    ],
    413,
    415,
  )
  @ApiOkResponse({ type: UserView })
  async update(
    @Param() { id }: IdParam,
    @Body() body: UpdateUserDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<UserView> {
    return UserView.of(await this.users.update(id, body, actor));
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Give a user a one-time password, to change at next sign-in; their sessions end',
  })
  @ApiErrors(400, 401, 403, [404, 'No user has this id.'])
  @ApiOkResponse({ type: UserWithPasswordView, description: 'The one-time `password`, this once.' })
  async resetPassword(
    @Param() { id }: IdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<UserWithPasswordView> {
    return UserWithPasswordView.withPassword(await this.users.resetPassword(id, actor));
  }
}
