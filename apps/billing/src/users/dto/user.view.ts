import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_KEY_ROLES, ApiKeyRole, isoTime } from '@app/common';
import type { User } from '@app/ledger';

/** A user as the API shows them: never their password hash. */
export class UserView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'ana.ortiz@grandhotel.example' }) email!: string;
  @ApiProperty({ example: 'Ana Ortiz' }) name!: string;
  @ApiProperty({ enum: API_KEY_ROLES }) role!: ApiKeyRole;
  @ApiProperty({ description: 'The user must change their password before anything else.' })
  mustChangePassword!: boolean;
  @ApiProperty() disabled!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static of(user: User): UserView {
    return Object.assign(new UserView(), {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      mustChangePassword: Boolean(user.mustChangePassword),
      disabled: Boolean(user.disabled),
      createdAt: isoTime(user.createdAtMs),
      updatedAt: isoTime(user.updatedAtMs),
    });
  }
}

/** A user just made or given a new password. */
export class UserWithPasswordView extends UserView {
  @ApiPropertyOptional({
    example: 'k7m2q-x9dfr-4hwtz-bn3pe',
    description:
      'A one-time password, shown this once: the person signs in with it and must change it. Absent when the password was given in the request.',
  })
  password?: string;

  static withPassword({
    user,
    oneTimePassword,
  }: {
    user: User;
    oneTimePassword: string | null;
  }): UserWithPasswordView {
    const view: UserWithPasswordView = UserView.of(user);
    if (oneTimePassword !== null) view.password = oneTimePassword;
    return view;
  }
}

export class UserListView {
  @ApiProperty({ type: [UserView] }) items!: UserView[];

  static of(users: User[]): UserListView {
    return { items: users.map((user) => UserView.of(user)) };
  }
}
