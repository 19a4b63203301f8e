import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';
import { validateEnvironment } from './environment';

@Global()
@Module({})
export class AppConfigModule {
  /**
   * Reads and validates the environment when called (not when this file is imported), so that
   * each test can set its own environment before booting the app.
   */
  static forRoot(): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          validate: validateEnvironment,
          // The entry points load .env before they validate (see env-file.ts): one path, one
          // error format. Tests set their environment explicitly.
          ignoreEnvFile: true,
          // Read only what validation returned: never fall back to a raw, unvalidated variable.
          skipProcessEnv: true,
          cache: true,
        }),
      ],
      providers: [AppConfig],
      exports: [AppConfig],
    };
  }
}
