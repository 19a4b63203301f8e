export { LawFirmsModule } from './law-firms.module';
export { MattersService } from './matters/matters.service';
export type { MatterPage, MatterPageQuery } from './matters/matters.service';
export { TimekeepersService } from './timekeepers/timekeepers.service';
export { MatterRulesService } from './rules/matter-rules.service';
export type { MatterRuleChange } from './rules/matter-rules.service';
export { LawBookRevalidation } from './revalidation';
export {
  MATTER_COLUMNS,
  SUMMARY_LIST_CAP,
  matterList,
  planMatterImport,
} from './matters/matter-list';
export type { MatterImportPlan } from './matters/matter-list';
export {
  TIMEKEEPER_COLUMNS,
  planTimekeeperImport,
  timekeeperList,
} from './timekeepers/timekeeper-list';
export type { TimekeeperImportPlan } from './timekeepers/timekeeper-list';
export {
  IMPORT_BODY_LIMIT_BYTES,
  IMPORT_ROUTE,
  MAX_IMPORT_ROWS,
  readCsvList,
  readJsonList,
} from './import/list-input';
export type { ListInput, ListRow } from './import/list-input';
export type { MatterImportSummaryView } from './matters/dto/matter-import-summary.view';
export type { TimekeeperImportSummaryView } from './timekeepers/dto/timekeeper.view';
