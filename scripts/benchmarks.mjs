// The benchmarks `npm run bench` knows: each bench/<name>.bench.ts, built to dist/bench/. Their
// flags are the usage line each prints (a spec checks that the two agree). `console: true`: it
// also needs the built console (apps/console/dist), built with Vite first when stale.
export const BENCHMARKS = [
  {
    name: 'rating',
    flags: '[--quick] [--records N] [--law-firm [--matters N] [--matters-only]]',
    measures:
      "rates generated calls with a plan of 5,000 prefixes, beside JSON.parse of the same calls as Xima JSON (records/s); --law-firm: a law firm's calls with and without a law book of 50,000 matters (ratio)",
    nodeFlags: ['--expose-gc'],
  },
  {
    name: 'sync',
    flags: '[--quick] [--calls N] [--days N] [--runs N] [--database sqlite|postgres]',
    measures:
      'syncs a month of sandbox calls end to end into a fresh ledger, beside a raw insert of the same rows (calls/s, peak RSS)',
    nodeFlags: ['--expose-gc'],
  },
  {
    name: 'review',
    flags: '[--quick] [--items N] [--seconds S] [--connections 1,4] [--database sqlite|postgres]',
    measures:
      "the review API's latency (p50/p95/p99) over a ledger of 1,000,000 line items, with autocannon on loopback",
    nodeFlags: [],
  },
  {
    name: 'overview',
    flags: '[--quick] [--items N] [--days N] [--runs N]',
    measures:
      "the console overview's routes (median latency over HTTP) on a ledger of 1,000,000 line items over 60 days",
    nodeFlags: [],
  },
  {
    name: 'export',
    flags: '[--quick] [--sizes 25000,50000,100000] [--runs N] [--heap-cap MiB]',
    measures:
      "one invoice's CSV and LEDES export at growing sizes (lines/s, peak RSS: memory must stay flat)",
    nodeFlags: ['--expose-gc'],
  },
  {
    name: 'archive',
    flags: '[--quick] [--invoices 100] [--lines 500,2000] [--runs N] [--heap-cap MiB]',
    measures:
      'many invoices exported one by one and as one ZIP (lines/s of each, peak RSS: flat when streamed)',
    nodeFlags: ['--expose-gc'],
  },
  {
    name: 'console',
    flags: '[--quick] [--items N] [--runs N]',
    measures:
      'the review page in Chromium over 1,000,000 line items: navigation to the first rows, a filter change to new rows (medians), and the JS shipped, gzipped',
    nodeFlags: [],
    console: true,
  },
  {
    name: 'copy',
    flags: '[--quick] [--items N] [--page-size N]',
    measures:
      'ledger copy of a ledger of 1,000,000 line items from SQLite into a PostgreSQL test server and back (rows/s each way, and the check)',
    nodeFlags: [],
  },
  {
    name: 'pms',
    flags: '[--quick] [--postings N] [--runs N] [--syncs N] [--answer-delay-ms MS]',
    measures:
      "postings/s over one PMS link to the stand-in PMS, beside raw FIAS round trips to it (the bound), and the latency from a sync to its postings' PA OK (p50/p95)",
    nodeFlags: [],
  },
].map((bench) => ({ ...bench, entry: `dist/bench/${bench.name}.bench.js` }));
