export {
  DEFAULT_COPY_PAGE_SIZE,
  LedgerCopyMismatchError,
  copyLedger,
  copyLedgerBetween,
  type LedgerCheckMeasure,
  type LedgerCopyOptions,
  type LedgerCopyProgress,
  type LedgerCopyResult,
  type LedgerTableCheck,
} from './ledger-copy';
