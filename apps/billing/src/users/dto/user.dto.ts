import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { API_KEY_ROLES, Absent, ApiKeyRole } from '@app/common';
import { EMAIL_MAX_LENGTH, USER_NAME_MAX_LENGTH } from '../user-rules';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password';

const PRINTABLE = /^[^\p{Cc}\p{Cf}]*$/u;

/** Spaces around a pasted email are not part of it. */
const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class CreateUserDto {
  @ApiProperty({ example: 'ana.ortiz@grandhotel.example', maxLength: EMAIL_MAX_LENGTH })
  @Trimmed()
  @IsEmail({}, { message: 'email must be an email address such as ana@example.com' })
  @Length(3, EMAIL_MAX_LENGTH, { message: `email must be at most ${EMAIL_MAX_LENGTH} characters` })
  email!: string;

  @ApiProperty({ example: 'Ana Ortiz', maxLength: USER_NAME_MAX_LENGTH })
  @IsString()
  @Length(1, USER_NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'name must not be blank' })
  @Matches(PRINTABLE, { message: 'name must not hold control characters' })
  name!: string;

  @ApiProperty({ enum: API_KEY_ROLES, example: 'accountant' })
  @IsIn(API_KEY_ROLES, { message: `role must be one of ${API_KEY_ROLES.join(', ')}` })
  role!: ApiKeyRole;

  @ApiPropertyOptional({
    example: 'a long passphrase of your own',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description:
      'The password the person signs in with. Leave it out to get a one-time password in the answer, which must be changed at first sign-in.',
  })
  @Absent()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
  })
  password?: string;
}

/** A PATCH: only the fields sent change; none may be cleared. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'ana.ortiz@grandhotel.example', maxLength: EMAIL_MAX_LENGTH })
  @IsOptional()
  @Trimmed()
  @IsEmail({}, { message: 'email must be an email address such as ana@example.com' })
  @Length(3, EMAIL_MAX_LENGTH, { message: `email must be at most ${EMAIL_MAX_LENGTH} characters` })
  email?: string;

  @ApiPropertyOptional({ example: 'Ana Ortiz', maxLength: USER_NAME_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @Length(1, USER_NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'name must not be blank' })
  @Matches(PRINTABLE, { message: 'name must not hold control characters' })
  name?: string;

  @ApiPropertyOptional({ enum: API_KEY_ROLES, example: 'viewer' })
  @IsOptional()
  @IsIn(API_KEY_ROLES, { message: `role must be one of ${API_KEY_ROLES.join(', ')}` })
  role?: ApiKeyRole;

  @ApiPropertyOptional({
    example: true,
    description: 'A disabled user cannot sign in, and their sessions end at once.',
  })
  @IsOptional()
  @IsBoolean({ message: 'disabled must be true or false' })
  disabled?: boolean;
}
