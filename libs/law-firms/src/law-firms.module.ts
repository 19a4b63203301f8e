import { DynamicModule, Module } from '@nestjs/common';
import { MattersController } from './matters/matters.controller';
import { MattersService } from './matters/matters.service';
import { LawBookRevalidation } from './revalidation';
import { MatterRulesController } from './rules/matter-rules.controller';
import { MatterRulesService } from './rules/matter-rules.service';
import { TimekeepersController } from './timekeepers/timekeepers.controller';
import { TimekeepersService } from './timekeepers/timekeepers.service';

/**
 * Law firms (docs/law-firms.md): a firm's matters, timekeepers and client and matter rules,
 * imported and changed over the API and the CLI. `review` is the app's own ReviewModule (one
 * object, imported twice, is one module): re-validation re-rates with its ReRateService.
 */
@Module({})
export class LawFirmsModule {
  static forRoot(review: DynamicModule): DynamicModule {
    return {
      module: LawFirmsModule,
      imports: [review],
      controllers: [MattersController, TimekeepersController, MatterRulesController],
      providers: [LawBookRevalidation, MattersService, TimekeepersService, MatterRulesService],
      exports: [MattersService, TimekeepersService, MatterRulesService],
    };
  }
}
