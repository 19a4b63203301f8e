import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateBy,
  buildMessage,
} from 'class-validator';
import { IANAZone } from 'luxon';
import { BUSINESS_KINDS, BusinessKind } from '@app/ledger';

/** Printed on invoices and read by billing systems: no control or format characters. */
const PRINTABLE = /^[^\p{Cc}\p{Cf}]*$/u;
const NOT_BLANK = /\S/;

function IsTimeZone(): PropertyDecorator {
  return ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && IANAZone.isValidZone(value),
      defaultMessage: buildMessage(
        () => 'timezone must be an IANA time zone such as America/Denver',
      ),
    },
  });
}

export class CreateBusinessDto {
  @ApiProperty({ example: 'Grand Hotel Denver', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @Matches(PRINTABLE, { message: 'name must not hold control characters' })
  name!: string;

  @ApiProperty({ enum: BUSINESS_KINDS, example: 'hotel' })
  @IsIn(BUSINESS_KINDS, { message: `kind must be one of ${BUSINESS_KINDS.join(', ')}` })
  kind!: BusinessKind;

  @ApiProperty({ example: 'America/Denver' })
  @IsTimeZone()
  timezone!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['1550 Court Place', 'Denver, CO 80202', 'United States'],
    description: 'The address as printed on invoices, a line each (at most 6).',
  })
  @IsOptional()
  @IsArray({ message: 'address must be an array of lines' })
  @ArrayMaxSize(6, { message: 'address must have at most 6 lines' })
  @IsString({ each: true, message: 'each address line must be a string' })
  @Length(1, 200, { each: true, message: 'each address line must be 1 to 200 characters' })
  @Matches(PRINTABLE, { each: true, message: 'address lines must not hold control characters' })
  address?: string[];

  @ApiPropertyOptional({ type: String, example: '84-1234567', nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  @Matches(PRINTABLE, { message: 'taxId must not hold control characters' })
  taxId?: string | null;

  @ApiProperty({
    example: 'GH',
    description: 'Starts its invoice numbers: `GH-2026-000001`. 1 to 12 capital letters or digits.',
  })
  @IsString()
  @Matches(/^[A-Z0-9]{1,12}$/, {
    message: 'invoicePrefix must be 1 to 12 capital letters or digits (e.g. GH)',
  })
  invoicePrefix!: string;

  @ApiPropertyOptional({ type: String, example: 'Due on receipt', nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(PRINTABLE, { message: 'paymentTerms must not hold control characters' })
  paymentTerms?: string | null;
}

export class UpdateBusinessDto extends PartialType(CreateBusinessDto) {}
