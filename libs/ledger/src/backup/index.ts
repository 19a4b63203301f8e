export {
  backupSqliteLedger,
  verifyLedgerCopy,
  type BackupProgress,
  type BackupResult,
  type LedgerVerification,
  type TableCount,
} from './ledger-backup';
