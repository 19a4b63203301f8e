import { Injectable } from '@nestjs/common';
import { DomainError, localDate } from '@app/common';
import {
  BusinessStore,
  LawBookStore,
  LedgerTx,
  ListedLineItem,
  Matter,
  RatePlanStore,
  SourceStore,
} from '@app/ledger';
import { MatterCode, matterCode } from './matter-code';

/** A law firm that has imported its matters: its items are checked against them. */
export interface FirmWithMatters {
  businessId: number;
  name: string;
  /** Matters' closed dates are days of this zone. */
  timezone: string;
}

/** Why an item's source is not a law firm with matters, in words; null when it is one. */
export type FirmOf = { firm: FirmWithMatters; why: null } | { firm: null; why: string };

/** What an assign names: an account code, or a matter. */
export interface AssignTarget {
  billingAccount?: string;
  matterId?: number;
}

export const codeOfMatter = (matter: Pick<Matter, 'clientNumber' | 'matterNumber'>) =>
  `client ${matter.clientNumber}, matter ${matter.matterNumber}`;

const conflict = (message: string) => new DomainError('conflict', message);

/**
 * A law firm's line items and its matters (docs/law-firms.md): which firm an item is of, how its
 * plan writes a matter's code, and whether an assign names a matter the call may be billed to.
 * Memoises per instance: make one per request.
 */
export class ItemMatterBook {
  private readonly firms = new Map<number, FirmOf>();
  private readonly codes = new Map<number, MatterCode | null>();
  private readonly matters = new Map<string, Matter | null>();
  private readonly mattersById = new Map<number, Matter | null>();

  constructor(
    private readonly sources: SourceStore,
    private readonly businesses: BusinessStore,
    private readonly lawBook: LawBookStore,
    private readonly ratePlans: RatePlanStore,
    private readonly tx?: LedgerTx,
  ) {}

  async firmOf(sourceId: number): Promise<FirmOf> {
    let found = this.firms.get(sourceId);
    if (found === undefined) {
      found = await this.readFirm(sourceId);
      this.firms.set(sourceId, found);
    }
    return found;
  }

  private async readFirm(sourceId: number): Promise<FirmOf> {
    const source = await this.sources.findById(sourceId, this.tx);
    if (source === null) return { firm: null, why: `source ${sourceId} does not exist` };
    const business = await this.businesses.findById(source.businessId, this.tx);
    if (business === null) {
      return { firm: null, why: `business ${source.businessId} does not exist` };
    }
    if (business.kind !== 'law-firm') {
      return {
        firm: null,
        why: `source ${sourceId} belongs to business ${business.id} (${business.name}), a ${business.kind} business, not a law firm`,
      };
    }
    if ((await this.lawBook.countMatters(business.id, this.tx)) === 0) {
      return {
        firm: null,
        why: `law firm ${business.id} (${business.name}) has no matters yet: import its matter list first`,
      };
    }
    return {
      firm: { businessId: business.id, name: business.name, timezone: business.timezone },
      why: null,
    };
  }

  /** How the item's plan version splits codes into client and matter; null when it does not. */
  async codesOf(versionId: number): Promise<MatterCode | null> {
    if (!this.codes.has(versionId)) {
      const pattern = await this.ratePlans.accountPattern(versionId);
      this.codes.set(versionId, pattern === null ? null : matterCode(pattern));
    }
    return this.codes.get(versionId) ?? null;
  }

  async matter(businessId: number, client: string, matter: string): Promise<Matter | null> {
    const key = JSON.stringify([businessId, client, matter]);
    if (!this.matters.has(key)) {
      this.matters.set(key, await this.lawBook.findMatter(businessId, client, matter, this.tx));
    }
    return this.matters.get(key) ?? null;
  }

  private async matterById(id: number): Promise<Matter | null> {
    if (!this.mattersById.has(id)) {
      this.mattersById.set(id, await this.lawBook.findMatterById(id, this.tx));
    }
    return this.mattersById.get(id) ?? null;
  }

  /**
   * The billing account an assign writes to the item, checked: on a law firm with matters it
   * must be the code of a known matter (given as `matterId` or as the code) that was not closed
   * before the call's day; elsewhere `billingAccount` as given (a `matterId` is refused).
   * Throws a DomainError (409, or 400 for a matterId that names no matter of the firm).
   */
  async assignTarget(
    item: Pick<ListedLineItem, 'id' | 'sourceId' | 'ratePlanVersionId' | 'startTimeMs'>,
    target: AssignTarget,
  ): Promise<string> {
    const { firm, why } = await this.firmOf(item.sourceId);
    if (firm === null) {
      if (target.matterId !== undefined) {
        throw conflict(`Cannot assign line item ${item.id} a matter: ${why}`);
      }
      return target.billingAccount!;
    }
    const codes = await this.codesOf(item.ratePlanVersionId);
    if (target.matterId !== undefined) {
      const matter = await this.matterById(target.matterId);
      if (matter === null || matter.businessId !== firm.businessId) {
        throw DomainError.invalid('request', [
          {
            field: 'matterId',
            message: `matterId ${target.matterId} is not a matter of law firm ${firm.businessId} (${firm.name})`,
          },
        ]);
      }
      const code = codes?.codeFor(matter.clientNumber, matter.matterNumber) ?? null;
      if (code === null) {
        throw conflict(
          `Cannot assign line item ${item.id} matter ${matter.id} (${codeOfMatter(matter)}): its plan's account-code pattern does not say how to write the code of a client and matter; assign the billingAccount instead`,
        );
      }
      this.refuseClosed(item, matter, code, firm);
      return code;
    }
    // A plan without client and matter groups has nothing to check codes against.
    if (codes === null) return target.billingAccount!;
    const code = target.billingAccount!.trim();
    const parts = codes.parse(code);
    if (parts === null) {
      throw conflict(
        `Cannot assign line item ${item.id} billing account ${code}: it is not an account code of the plan's pattern (a client and a matter)`,
      );
    }
    const matter = await this.matter(firm.businessId, parts.client, parts.matter);
    if (matter === null) {
      throw conflict(
        `Cannot assign line item ${item.id} billing account ${code}: ${codeOfMatter({ clientNumber: parts.client, matterNumber: parts.matter })} is not a matter of law firm ${firm.businessId} (${firm.name})`,
      );
    }
    this.refuseClosed(item, matter, code, firm);
    return code;
  }

  /** A matter closed before the call's day (in the firm's zone) takes no more calls. */
  private refuseClosed(
    item: Pick<ListedLineItem, 'id' | 'startTimeMs'>,
    matter: Matter,
    code: string,
    firm: FirmWithMatters,
  ): void {
    if (matter.status !== 'closed' || matter.closedDate === null) return;
    const day = localDate(item.startTimeMs, firm.timezone);
    if (day > matter.closedDate) {
      throw conflict(
        `Cannot assign line item ${item.id} to ${code} (${matter.clientName}: ${matter.matterName}): the matter closed on ${matter.closedDate}, before the call's day ${day}`,
      );
    }
  }
}

/** Makes an ItemMatterBook per request (or per transaction). */
@Injectable()
export class ItemMatters {
  constructor(
    private readonly sources: SourceStore,
    private readonly businesses: BusinessStore,
    private readonly lawBook: LawBookStore,
    private readonly ratePlans: RatePlanStore,
  ) {}

  book(tx?: LedgerTx): ItemMatterBook {
    return new ItemMatterBook(this.sources, this.businesses, this.lawBook, this.ratePlans, tx);
  }
}
