import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/common';
import { LawBookStore, LineItemStore, Matter } from '@app/ledger';
import { NEEDS_A_MATTER } from '../line-items/rating-reasons';
import { ItemMatters } from './item-matters';
import type { MatterCode } from './matter-code';
import { MatterSuggestionView, MatterSuggestionsView } from './matter-suggestion.view';
import { CodedMatter, SUGGESTIONS_LIMIT, rankSuggestions } from './matter-suggestions';
import { oneEditCodes } from './one-edit';

/** How far back an extension's habits are read. */
export const HABIT_DAYS = 90;
const DAY_MS = 86_400_000;
/** The extension's most used codes read: enough to fill a page after unknown ones drop out. */
const HABIT_CODES = 50;

/**
 * The correction queue's suggestions (docs/law-firms.md): for a law firm's item that needs a
 * matter, the likely ones, from the extension's habits, codes one edit from the dialed one and
 * the dialed client's open matters, ranked by rankSuggestions.
 */
@Injectable()
export class MatterSuggestionsService {
  constructor(
    private readonly lineItems: LineItemStore,
    private readonly lawBook: LawBookStore,
    private readonly itemMatters: ItemMatters,
  ) {}

  async suggest(id: number): Promise<MatterSuggestionsView> {
    const item = await this.lineItems.findOne(id);
    if (!item) throw new DomainError('not-found', `Line item ${id} does not exist`);
    const book = this.itemMatters.book();
    const { firm, why } = await book.firmOf(item.sourceId);
    if (firm === null) {
      throw new DomainError('conflict', `Line item ${id} has no matters to suggest: ${why}`);
    }
    if (!NEEDS_A_MATTER.has(item.reason ?? '')) {
      throw new DomainError(
        'conflict',
        `Line item ${id} does not need a matter: its reason is ${item.reason ?? 'none'}, not one of ${[...NEEDS_A_MATTER].join(', ')}`,
        [{ field: 'reason', message: item.reason ?? 'none' }],
      );
    }
    const codes = await book.codesOf(item.ratePlanVersionId);
    if (codes === null) {
      throw new DomainError(
        'conflict',
        `Line item ${id}'s plan has no account-code pattern with client and matter groups: its codes name no matter`,
      );
    }
    const coded = (matter: Matter): CodedMatter | null => {
      const code = codes.codeFor(matter.clientNumber, matter.matterNumber);
      return code === null ? null : { matter, code };
    };
    const dialed = item.accountCode?.trim() || null;
    const used = await this.used(firm.businessId, item, codes);
    const oneEdit =
      dialed === null ? [] : await this.oneEdit(firm.businessId, dialed, codes, coded);
    const client = dialed === null ? null : (codes.parse(dialed)?.client ?? null);
    const clientMatters =
      client === null
        ? []
        : (
            await this.lawBook.findMatters({
              businessId: firm.businessId,
              clientNumber: client,
              status: 'open',
              limit: SUGGESTIONS_LIMIT,
            })
          )
            .map(coded)
            .filter((c): c is CodedMatter => c !== null);
    const ranked = rankSuggestions({
      dialed,
      extension: item.extension,
      days: HABIT_DAYS,
      used,
      oneEdit,
      client,
      clientMatters,
    });
    return {
      lineItemId: id,
      accountCode: item.accountCode,
      reason: item.reason,
      suggestions: ranked.map((suggestion) => MatterSuggestionView.of(suggestion)),
    };
  }

  /** The known open matters the extension billed in the HABIT_DAYS before the call. */
  private async used(
    businessId: number,
    item: { id: number; sourceId: number; extension: string | null; startTimeMs: number },
    codes: MatterCode,
  ): Promise<(CodedMatter & { uses: number })[]> {
    if (item.extension === null) return [];
    const rows = await this.lineItems.accountsUsedByExtension({
      sourceId: item.sourceId,
      extension: item.extension,
      fromMs: item.startTimeMs - HABIT_DAYS * DAY_MS,
      toMs: item.startTimeMs,
      exceptId: item.id,
      exceptReasons: [...NEEDS_A_MATTER],
      limit: HABIT_CODES,
    });
    const keyed = rows.flatMap((row) => {
      const parts = codes.parse(row.billingAccount);
      return parts === null ? [] : [{ ...row, ...parts }];
    });
    const matters = await this.lawBook.findMattersByNumbers(
      businessId,
      keyed.map((row) => ({ clientNumber: row.client, matterNumber: row.matter })),
    );
    const byKey = new Map(matters.map((m) => [`${m.clientNumber}\u0000${m.matterNumber}`, m]));
    return keyed.flatMap((row) => {
      const matter = byKey.get(`${row.client}\u0000${row.matter}`);
      return matter === undefined || matter.status !== 'open'
        ? []
        : [{ matter, code: row.billingAccount, uses: Number(row.uses) }];
    });
  }

  /** Known matters whose code is one edit from the dialed one: candidates looked up by key. */
  private async oneEdit(
    businessId: number,
    dialed: string,
    codes: MatterCode,
    coded: (matter: Matter) => CodedMatter | null,
  ): Promise<CodedMatter[]> {
    const keys = oneEditCodes(dialed).flatMap((code) => {
      const parts = codes.parse(code);
      return parts === null ? [] : [{ clientNumber: parts.client, matterNumber: parts.matter }];
    });
    const matters = await this.lawBook.findMattersByNumbers(businessId, keys);
    return matters
      .filter((matter) => matter.status === 'open')
      .map(coded)
      .filter((c): c is CodedMatter => c !== null);
  }
}
