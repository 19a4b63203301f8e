export { XimaModule } from './xima.module';
export { SourcesService } from './sources/sources.service';
