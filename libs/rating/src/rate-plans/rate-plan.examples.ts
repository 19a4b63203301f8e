import type { ExampleObject } from '@nestjs/swagger';

/**
 * The demo hotel's plan (apps/billing/src/demo/plans/grand-hotel.json; the OpenAPI e2e spec
 * checks they are equal and that the API takes every example below as it is shown).
 */
const GRAND_HOTEL_PLAN = {
  name: 'Grand Hotel guest calls',
  kind: 'per-call',
  currency: 'USD',
  timezone: 'America/Denver',
  rounding: 'half-up',
  dialPlan: {
    country: 'US',
    accessCode: '9',
    areaCode: '303',
  },
  gracePeriodSeconds: 30,
  markupPercent: '0',
  taxes: [
    {
      name: 'State sales tax',
      ratePercent: '6.25',
    },
  ],
  billingAccount: {
    by: 'extension',
    ranges: [
      {
        from: '1001',
        to: '1999',
      },
    ],
    prefix: 'ROOM-',
  },
  destinations: [
    {
      prefix: '911',
      class: 'emergency',
    },
    {
      prefix: '1800',
      class: 'toll-free',
    },
    {
      prefix: '1888',
      class: 'toll-free',
    },
    {
      prefix: '1877',
      class: 'toll-free',
    },
    {
      prefix: '1303',
      class: 'local',
    },
    {
      prefix: '1720',
      class: 'local',
    },
    {
      prefix: '1',
      class: 'long-distance',
    },
    {
      prefix: '44',
      class: 'uk',
    },
    {
      prefix: '',
      class: 'international',
    },
  ],
  rates: {
    emergency: {
      free: true,
    },
    'toll-free': {
      free: true,
    },
    local: {
      connectFee: '0.75',
      perMinute: '0',
      firstIncrementSeconds: 0,
      incrementSeconds: 60,
    },
    'long-distance': {
      connectFee: '1.00',
      perMinute: '0.45',
      firstIncrementSeconds: 60,
      incrementSeconds: 6,
      timeBands: [
        {
          days: ['sat', 'sun'],
          from: '00:00',
          to: '24:00',
          perMinute: '0.30',
        },
      ],
    },
    uk: {
      connectFee: '2.00',
      perMinute: '1.20',
      firstIncrementSeconds: 60,
      incrementSeconds: 60,
      minimumCharge: '3.00',
    },
    international: {
      connectFee: '2.00',
      perMinute: '2.50',
      firstIncrementSeconds: 60,
      incrementSeconds: 60,
      maximumCharge: '150.00',
    },
  },
};

export const CREATE_RATE_PLAN_EXAMPLES: Record<string, ExampleObject> = {
  hotel: {
    summary: 'A hotel: guest calls by room, 7-digit local dialing',
    value: GRAND_HOTEL_PLAN,
  },
};

export const ADD_VERSION_EXAMPLES: Record<string, ExampleObject> = {
  'local calls dearer': {
    summary: 'The same plan from July, local calls at 0.95',
    value: {
      effectiveFrom: '2026-07-01T00:00:00-06:00',
      ...GRAND_HOTEL_PLAN,
      rates: {
        ...GRAND_HOTEL_PLAN.rates,
        local: { ...GRAND_HOTEL_PLAN.rates.local, connectFee: '0.95' },
      },
    },
  },
};

export const QUOTE_EXAMPLES: Record<string, ExampleObject> = {
  calls: {
    summary: 'Calls (a per-call plan): a 7-digit local call and a long-distance one',
    value: {
      records: [
        {
          callId: 'quote-1',
          startTime: '2026-03-10T14:05:00-06:00',
          direction: 'outbound',
          extension: '1012',
          dialedNumber: '9 555-0100',
          talkMs: 61000,
        },
        {
          callId: 'quote-2',
          startTime: '2026-03-10T14:09:00-06:00',
          direction: 'outbound',
          extension: '1012',
          dialedNumber: '9 1 (212) 555-0100',
          talkMs: 66000,
        },
      ],
    },
  },
  summaries: {
    summary: 'Summary rows (an account-summary plan): one account code for a month',
    value: {
      records: [
        {
          accountCode: '10234-001',
          calls: 12,
          totalTalkMs: 1860000,
          periodStart: '2026-03-01T00:00:00-07:00',
          periodEnd: '2026-04-01T00:00:00-06:00',
        },
      ],
    },
  },
};
