import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../users/password';
import { EMAIL_MAX_LENGTH } from '../../users/user-rules';

export class SignInDto {
  @ApiProperty({ example: 'ana.ortiz@grandhotel.example', maxLength: EMAIL_MAX_LENGTH })
  @IsString({ message: 'email must be a string' })
  @Length(1, EMAIL_MAX_LENGTH, { message: `email must be 1 to ${EMAIL_MAX_LENGTH} characters` })
  email!: string;

  @ApiProperty({ example: 'a long passphrase of hers', maxLength: PASSWORD_MAX_LENGTH })
  @IsString({ message: 'password must be a string' })
  @Length(1, PASSWORD_MAX_LENGTH, {
    message: `password must be 1 to ${PASSWORD_MAX_LENGTH} characters`,
  })
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'k7m2q-x9dfr-4hwtz-bn3pe', maxLength: PASSWORD_MAX_LENGTH })
  @IsString({ message: 'currentPassword must be a string' })
  @Length(1, PASSWORD_MAX_LENGTH, {
    message: `currentPassword must be 1 to ${PASSWORD_MAX_LENGTH} characters`,
  })
  currentPassword!: string;

  @ApiProperty({
    example: 'a new passphrase of her own',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @IsString({ message: 'newPassword must be a string' })
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `newPassword must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
  })
  newPassword!: string;
}
