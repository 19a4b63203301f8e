export {
  DEFAULT_PMS_SANDBOX_SEED,
  DEFAULT_SCRIPT_DAYS,
  PmsSandbox,
  PmsSandboxOptionsError,
  SANDBOX_ROOMS,
  startPmsSandbox,
} from './pms-sandbox';
export type {
  AcceptedPosting,
  CheckInOptions,
  DuplicatePosting,
  HotelView,
  PmsSandboxEvents,
  PmsSandboxOptions,
  ReceivedRecord,
  SentRecord,
} from './pms-sandbox';
export { Hotel, HotelError } from './hotel';
export type { CheckInRequest, Guest, StaySegment } from './hotel';
export { HotelClock } from './hotel-clock';
export { guestName, scriptHotel } from './hotel-script';
export type { HotelEvent, HotelScriptOptions } from './hotel-script';
export { checkPosting } from './posting-check';
export type { PostingCheck, PostingFields } from './posting-check';
export { parsePmsFaultSpec, PmsFaultSpecError } from './pms-faults';
export type { PmsFaults, SplitMode } from './pms-faults';
