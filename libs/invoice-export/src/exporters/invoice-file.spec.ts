import { DomainError } from '@app/common';
import type { BusinessKind, Invoice } from '@app/ledger';
import type { RatePlanDocument } from '@app/rating';
import type { Issuer } from '../invoices/issuer';
import type { InvoiceDocument } from './invoice-document';
import { DISBURSEMENT_TEMPLATES } from '../disbursements/disbursement-templates';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportFileName,
  exportRefusal,
  exportTemplate,
} from './invoice-file';

const NAMES: Record<BusinessKind, string> = {
  hotel: 'Grand Hotel Denver',
  'law-firm': 'Porter & Lane LLP',
  other: 'My business',
};

/** A finalised invoice of `kind` as the exporters read it, and what a test changes of it. */
function document(
  kind: BusinessKind,
  changes: {
    status?: Invoice['status'];
    planLawFirmId?: string;
    taxId?: string | null;
    maxLineItemId?: number;
    lines?: number;
  } = {},
): InvoiceDocument {
  const status = changes.status ?? 'finalized';
  const issuer: Issuer = {
    name: NAMES[kind],
    kind,
    address: [],
    taxId: changes.taxId === undefined ? '24-6437381' : changes.taxId,
    paymentTerms: null,
  };
  const plan = {
    ledes: changes.planLawFirmId ? { lawFirmId: changes.planLawFirmId } : undefined,
  } as RatePlanDocument;
  return {
    invoice: {
      id: 7,
      number: status === 'draft' ? null : 'GH-2026-000042',
      status,
      businessId: 3,
    } as Invoice,
    plan: changes.lines === 0 ? null : plan,
    issuer,
    lineCount: changes.lines ?? 2,
    maxLineItemId: changes.maxLineItemId ?? 12,
    linesTotalMinor: 300,
    pages: () => {
      throw new Error('a refusal never reads a line');
    },
  };
}

const refusal = (doc: InvoiceDocument, format: ExportFormat) => {
  const error = exportRefusal(doc, format);
  return error && { status: error.status, message: error.message, details: error.details };
};

describe('exportRefusal: which formats fit which invoice, decided before a byte is written', () => {
  it.each<[BusinessKind, ExportFormat[]]>([
    ['hotel', ['csv', 'json', 'pms', 'pdf']],
    ['law-firm', ['csv', 'json', 'ledes1998b', 'pdf', 'disbursements']],
    ['other', ['csv', 'json', 'ledes1998b', 'pdf', 'disbursements']],
  ])('kind %s: a finalised invoice exports as %j and nothing else', (kind, fitting) => {
    const doc = document(kind, { taxId: null, planLawFirmId: '24-6437381' });
    expect(EXPORT_FORMATS.filter((format) => exportRefusal(doc, format) === null)).toEqual(fitting);
  });

  it("pms for a law firm's invoice: 409 naming the business, its kind and the formats that fit", () => {
    expect(refusal(document('law-firm'), 'pms')).toEqual({
      status: 409,
      message:
        "Invoice GH-2026-000042 is billed by Porter & Lane LLP, a law firm: pms (FIAS postings to a guest's folio) fits only a hotel's invoices; export it as ledes1998b, disbursements, csv, json or pdf",
      details: [{ field: 'business.kind', message: 'law-firm' }],
    });
  });

  it('pms for an invoice of a business of kind other: 409, and how a hotel makes its invoices fit', () => {
    expect(refusal(document('other'), 'pms')).toEqual({
      status: 409,
      message:
        "Invoice GH-2026-000042 is billed by My business, a business of kind other: pms (FIAS postings to a guest's folio) fits only a hotel's invoices; export it as csv, json, pdf, ledes1998b or disbursements; if the business is a hotel, set its kind to hotel (PATCH /api/v1/businesses/3): the invoices it finalises from then on export as pms",
      details: [{ field: 'business.kind', message: 'other' }],
    });
  });

  it("ledes1998b for a hotel's invoice: 409, even with a firm id in the plan", () => {
    expect(refusal(document('hotel', { planLawFirmId: '24-6437381' }), 'ledes1998b')).toEqual({
      status: 409,
      message:
        "Invoice GH-2026-000042 is billed by Grand Hotel Denver, a hotel: ledes1998b (a law firm's e-bill) does not fit a hotel's invoices; export it as pms, csv, json or pdf",
      details: [{ field: 'business.kind', message: 'hotel' }],
    });
  });

  it("disbursements for a hotel's invoice: 409, as LEDES is", () => {
    expect(refusal(document('hotel'), 'disbursements')).toEqual({
      status: 409,
      message:
        "Invoice GH-2026-000042 is billed by Grand Hotel Denver, a hotel: disbursements (a law firm's cost import into time and billing) does not fit a hotel's invoices; export it as pms, csv, json or pdf",
      details: [{ field: 'business.kind', message: 'hotel' }],
    });
    // No firm id needed: a time-and-billing import names no firm.
    expect(exportRefusal(document('law-firm', { taxId: null }), 'disbursements')).toBeNull();
    expect(exportRefusal(document('other', { lines: 0 }), 'disbursements')).toBeNull();
  });

  it("ledes1998b without a firm id (not in the plan, and not a law firm's tax id): 400 naming the setting", () => {
    const message =
      "neither the rate plan's ledes.lawFirmId nor the law firm's taxId is set (the firm's tax id): set one to export LEDES";
    for (const doc of [document('other'), document('law-firm', { taxId: null })]) {
      expect(refusal(doc, 'ledes1998b')).toEqual({
        status: 400,
        message: `Invalid export: ledes.lawFirmId: ${message}`,
        details: [{ field: 'ledes.lawFirmId', message }],
      });
    }
    expect(exportRefusal(document('law-firm'), 'ledes1998b')).toBeNull(); // its tax id
    expect(exportRefusal(document('other', { planLawFirmId: '1-2' }), 'ledes1998b')).toBeNull();
  });

  it('ledes1998b of an invoice without lines: 409 (a LEDES file has at least one)', () => {
    expect(refusal(document('law-firm', { lines: 0 }), 'ledes1998b')).toMatchObject({
      status: 409,
      message: 'Invoice GH-2026-000042 has no lines: a LEDES file needs at least one',
    });
  });

  it("pms for a hotel's invoice whose posting numbers would pass FIAS's 8 digits: 409", () => {
    expect(exportRefusal(document('hotel', { maxLineItemId: 99_999_999 }), 'pms')).toBeNull();
    expect(refusal(document('hotel', { maxLineItemId: 100_000_000 }), 'pms')).toMatchObject({
      status: 409,
      message: 'Line item 100000000 has an id too long for a FIAS posting number (8 digits)',
    });
  });

  it.each(['draft', 'void'] as const)(
    'a %s invoice exports only as json, whoever bills it (the status is refused first)',
    (status) => {
      for (const kind of ['hotel', 'law-firm', 'other'] as const) {
        const doc = document(kind, { status });
        expect(exportRefusal(doc, 'json')).toBeNull();
        for (const format of EXPORT_FORMATS.filter((f) => f !== 'json')) {
          expect(refusal(doc, format)).toEqual({
            status: 409,
            message: `Invoice 7 is ${status}: only a finalized invoice exports as ${format} (json shows any)`,
            details: [{ field: 'status', message: status }],
          });
        }
      }
    },
  );

  it('returns the error for a caller to throw or report (a batch checks many before it writes)', () => {
    expect(exportRefusal(document('law-firm'), 'pms')).toBeInstanceOf(DomainError);
  });
});

describe('exportTemplate: a disbursement file needs a template, no other format takes one', () => {
  const problem = (format: ExportFormat, name?: string) => {
    try {
      exportTemplate(format, name);
      return null;
    } catch (error) {
      const { status, message, details } = error as DomainError;
      return { status, message, details };
    }
  };

  it('gives the template asked for, and none for another format', () => {
    expect(exportTemplate('disbursements', 'generic')).toBe(DISBURSEMENT_TEMPLATES.get('generic'));
    expect(exportTemplate('disbursements', 'clio-activities')?.name).toBe('clio-activities');
    expect(exportTemplate('csv', undefined)).toBeNull();
  });

  it('disbursements without a template: 400 naming template and the templates there are', () => {
    expect(problem('disbursements')).toEqual({
      status: 400,
      message:
        'Invalid export: template: format=disbursements needs a template: one of generic, clio-activities',
      details: [
        {
          field: 'template',
          message: 'format=disbursements needs a template: one of generic, clio-activities',
        },
      ],
    });
  });

  it('a template that does not exist, or one with another format: 400 naming template', () => {
    expect(problem('disbursements', 'elite')).toMatchObject({
      status: 400,
      details: [
        {
          field: 'template',
          message: '"elite" is not a template: one of generic, clio-activities',
        },
      ],
    });
    expect(problem('ledes1998b', 'generic')).toMatchObject({
      status: 400,
      details: [
        { field: 'template', message: 'goes only with format=disbursements, not ledes1998b' },
      ],
    });
  });

  it("names the file after the invoice and the template: 'PL-2026-000001-generic.csv'", () => {
    const invoice = { id: 3, number: 'PL-2026-000001' } as Invoice;
    const generic = DISBURSEMENT_TEMPLATES.get('generic')!;
    expect(exportFileName(invoice, 'disbursements', generic)).toBe('PL-2026-000001-generic.csv');
    expect(exportFileName(invoice, 'ledes1998b')).toBe('PL-2026-000001.txt');
  });
});
