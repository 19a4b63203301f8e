import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({})
export class HealthModule {
  /** `xima`: the app's own XimaModule (the same object the app imports), for the sync status. */
  static forRoot(xima: DynamicModule): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), xima],
      controllers: [HealthController],
      providers: [HealthService],
    };
  }
}
