import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { loadEnvFile } from './config/env-file';
import { ConfigurationError, validateEnvironment } from './config/environment';
import { configureApp } from './http/configure-app';
import { printBanner } from './banner';
import { StartupService } from './startup.service';
import { DemoSandbox } from './demo/demo-sandbox';
import { DEMO_SANDBOX } from './demo/demo.module';
import { applyMemoryPolicy } from './memory-policy';

async function main(): Promise<void> {
  applyMemoryPolicy();
  // Fail fast, in one line, before anything else starts (the module validates again).
  try {
    loadEnvFile();
    validateEnvironment(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const app = await NestFactory.create(AppModule.forRoot(), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  configureApp(app);
  const config = app.get(AppConfig);
  await app.listen(config.port, config.host);
  const demo = app.get<DemoSandbox | null>(DEMO_SANDBOX);
  const startup = app.get(StartupService);
  printBanner(config, {
    adminKey: startup.demoAdminKey,
    user: startup.demoUser,
    sandboxUrl: demo?.url,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `xima-billing failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
