// The exporters' name for it; it lives in @app/common since line item views write local times too.
export { ZonedTime, type WallClock } from '@app/common';
