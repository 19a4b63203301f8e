import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isoTime } from '@app/common';
import { BUSINESS_KINDS, Business } from '@app/ledger';

export class BusinessView {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: BUSINESS_KINDS }) kind!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ type: [String] }) address!: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) taxId!: string | null;
  @ApiProperty() invoicePrefix!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) paymentTerms!: string | null;
  @ApiProperty({ description: 'Sources created without a businessId belong to it.' })
  isDefault!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;

  static of(business: Business): BusinessView {
    return {
      id: business.id,
      name: business.name,
      kind: business.kind,
      timezone: business.timezone,
      address: JSON.parse(business.addressJson) as string[],
      taxId: business.taxId,
      invoicePrefix: business.invoicePrefix,
      paymentTerms: business.paymentTerms,
      isDefault: Boolean(business.isDefault),
      createdAt: isoTime(business.createdAtMs),
      updatedAt: isoTime(business.updatedAtMs),
      version: business.version,
    };
  }
}

export class BusinessListView {
  @ApiProperty({ type: [BusinessView] }) items!: BusinessView[];

  static of(businesses: Business[]): BusinessListView {
    return { items: businesses.map((business) => BusinessView.of(business)) };
  }
}
