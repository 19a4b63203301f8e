import { execFileSync } from 'node:child_process';

/**
 * The boundaries of eslint.boundaries.mjs (docs/architecture.md) fire: each rule is shown a
 * planted import in the place it guards and must refuse it, and the same import where it is
 * allowed must pass. ESLint loads its configuration as an ES module, which Jest's CommonJS
 * runtime cannot, so a child Node process lints the planted files (the boundary entries with
 * TypeScript's parser, without type information: `no-restricted-imports` needs none).
 */
interface Planted {
  file: string;
  code: string;
}

function lint(planted: Planted[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    import tseslint from 'typescript-eslint';
    import { BOUNDARIES } from './eslint.boundaries.mjs';
    import config from './eslint.config.mjs';
    const eslint = new ESLint({
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...BOUNDARIES],
    });
    const planted = JSON.parse(process.argv[1]);
    const out = [];
    for (const { file, code } of planted) {
      const [result] = await eslint.lintText(code, { filePath: file });
      out.push(result.messages.map((m) => (m.ruleId ?? 'fatal') + ': ' + m.message));
    }
    // The project's own configuration carries every boundary, and nothing after them sets the rule.
    const at = BOUNDARIES.map((b) => config.indexOf(b));
    const later = config.slice(Math.max(...at) + 1);
    const wired = !at.includes(-1) && !later.some((c) => c.rules?.['no-restricted-imports'] || c.rules?.['no-restricted-syntax']);
    out.push([String(wired)]);
    process.stdout.write(JSON.stringify(out));
  `;
  const stdout = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(planted)],
    { cwd: __dirname, encoding: 'utf8' },
  );
  return JSON.parse(stdout) as string[][];
}

const refusedBy = (message: string) => [expect.stringContaining(message)];

describe('import boundaries (ESLint no-restricted-imports)', () => {
  const cases: { rule: string; refused: Planted; allowed: Planted; message: string }[] = [
    {
      rule: 'a lib never imports an app',
      refused: {
        file: 'libs/review/src/planted.ts',
        code: "import { bootstrap } from '../../../apps/billing/src/main';\nbootstrap();\n",
      },
      allowed: {
        file: 'apps/billing/src/planted.ts',
        code: "import { bootstrap } from './main';\nbootstrap();\n",
      },
      message: 'a lib never imports an app',
    },
    {
      rule: 'the rating engine imports no Nest',
      refused: {
        file: 'libs/rating/src/engine/planted.ts',
        code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
      },
      allowed: {
        file: 'libs/rating/src/rate-plans/planted.ts',
        code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
      },
      message: 'pure functions',
    },
    {
      rule: 'plans import no I/O',
      refused: {
        file: 'libs/rating/src/plan/planted.ts',
        code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      },
      allowed: {
        file: 'libs/rating/src/plan/planted.ts',
        code: "import { formatMinor } from '@app/money';\nexport const x = formatMinor;\n",
      },
      message: 'pure functions',
    },
    {
      rule: 'money imports no ledger',
      refused: {
        file: 'libs/money/src/planted.ts',
        code: "import { Ledger } from '@app/ledger';\nexport const x = Ledger;\n",
      },
      allowed: {
        file: 'libs/money/src/planted.ts',
        code: "import { roundDiv } from './rounding';\nexport const x = roundDiv;\n",
      },
      message: 'pure functions',
    },
    {
      rule: 'only libs/ledger imports TypeORM (a lib)',
      refused: {
        file: 'libs/invoice-export/src/planted.ts',
        code: "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n",
      },
      allowed: {
        file: 'libs/ledger/src/planted.ts',
        code: "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n",
      },
      message: 'only libs/ledger talks to the database',
    },
    {
      rule: 'only libs/ledger imports TypeORM (an app)',
      refused: {
        file: 'apps/billing/src/planted.ts',
        code: "import { InjectRepository } from '@nestjs/typeorm';\nexport const x = InjectRepository;\n",
      },
      allowed: {
        file: 'apps/billing/src/planted.spec.ts',
        code: "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n",
      },
      message: 'only libs/ledger talks to the database',
    },
    {
      rule: "no reaching into the ledger's internals",
      refused: {
        file: 'libs/review/src/planted.ts',
        code: "import { managerOf } from '../../ledger/src/ledger-tx';\nexport const x = managerOf;\n",
      },
      allowed: {
        file: 'libs/review/src/planted.ts',
        code: "import { LineItemStore } from '@app/ledger';\nexport const x = LineItemStore;\n",
      },
      message: 'only libs/ledger talks to the database',
    },
    {
      rule: 'a lib imports only the libs below it (review does not import invoice-export)',
      refused: {
        file: 'libs/review/src/planted.ts',
        code: "import { InvoicesService } from '@app/invoice-export';\nexport const x = InvoicesService;\n",
      },
      allowed: {
        file: 'libs/invoice-export/src/planted.ts',
        code: "import { RatePlansService } from '@app/rating';\nexport const x = RatePlansService;\n",
      },
      message: 'libs/review imports only libs/common, libs/ledger, libs/money, libs/rating',
    },
    {
      rule: 'the ledger imports no lib but common',
      refused: {
        file: 'libs/ledger/src/planted.ts',
        code: "import { rateRecord } from '@app/rating';\nexport const x = rateRecord;\n",
      },
      allowed: {
        file: 'libs/ledger/src/planted.ts',
        code: "import { DomainError } from '@app/common';\nexport const x = DomainError;\n",
      },
      message: 'libs/ledger imports only libs/common',
    },
    {
      rule: "only stores use the ledger's SQL doors",
      refused: {
        file: 'libs/review/src/planted.ts',
        code: "import { Ledger } from '@app/ledger';\nexport const x = (ledger: Ledger) => ledger.manager;\n",
      },
      allowed: {
        file: 'libs/ledger/src/stores/planted.ts',
        code: "import { Ledger } from '../ledger';\nexport const x = (ledger: Ledger) => ledger.manager;\n",
      },
      message: "the ledger's SQL is its stores'",
    },
    {
      rule: 'the console knows the service only through its API',
      refused: {
        file: 'apps/console/src/planted.tsx',
        code: "import { formatMoney } from '@app/money';\nexport const x = formatMoney;\n",
      },
      allowed: {
        file: 'apps/console/src/planted.tsx',
        code: "import { api } from './api/client';\nexport const x = api;\n",
      },
      message: 'the console talks to the service only through /api/v1',
    },
    {
      rule: 'libs/rating does not import libs/xima',
      refused: {
        file: 'libs/rating/src/rate-plans/planted.ts',
        code: "import { XimaClient } from '@app/xima';\nexport const x = XimaClient;\n",
      },
      allowed: {
        file: 'apps/billing/src/planted.ts',
        code: "import { XimaClient } from '@app/xima';\nexport const x = XimaClient;\n",
      },
      message: 'rating knows nothing of Xima',
    },
  ];

  const results = lint(cases.flatMap(({ refused, allowed }) => [refused, allowed]));

  it('eslint.config.mjs applies every boundary', () => {
    expect(results[results.length - 1]).toEqual(['true']);
  });

  it.each(cases.map((c, i) => [c.rule, i] as const))('%s', (_rule, i) => {
    const { message } = cases[i];
    expect(results[2 * i]).toEqual(refusedBy(message));
    expect(results[2 * i + 1]).toEqual([]);
  });
});
