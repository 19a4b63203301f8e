import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { ServiceInstance, ServiceInstanceSettings } from './service-instance';

export interface CommonModuleAsyncOptions {
  inject?: (string | symbol | Function)[];
  // Nest passes the injected providers, typed by the caller's factory.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => Partial<ServiceInstanceSettings>;
}

/**
 * The shared kernel every module may use: the clock, and this process as one instance of the
 * service (an id of its own and the default lease timing, unless `forRootAsync` says otherwise).
 */
@Global()
@Module({
  providers: [Clock, { provide: ServiceInstance, useFactory: () => new ServiceInstance() }],
  exports: [Clock, ServiceInstance],
})
export class CommonModule {
  /** The kernel with this instance's settings read from configuration. */
  static forRootAsync(options: CommonModuleAsyncOptions): DynamicModule {
    return {
      module: CommonModule,
      global: true,
      providers: [
        {
          provide: ServiceInstance,
          inject: options.inject ?? [],
          useFactory: (...args: unknown[]) => new ServiceInstance(options.useFactory(...args)),
        },
      ],
    };
  }
}
