export { XimaModule } from './xima.module';
