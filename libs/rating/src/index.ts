export { RatingModule } from './rating.module';
