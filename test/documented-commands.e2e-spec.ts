import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');

/** The shell lines of the fenced code blocks of a Markdown file. */
function codeLines(file: string): string[] {
  const lines: string[] = [];
  let fenced = false;
  for (const line of readFileSync(join(root, file), 'utf8').split('\n')) {
    if (line.trimStart().startsWith('```')) fenced = !fenced;
    else if (fenced) lines.push(line);
  }
  return lines;
}

/** The command of a line, without its trailing `# comment`. */
const command = (line: string) => line.replace(/\s#\s.*$/, '');

describe('documented commands', () => {
  const files = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
  ];

  it('every `npm run` whose output is redirected, piped or captured is `npm run -s` (npm prints its own lines on stdout)', () => {
    const redirected = files.flatMap((file) =>
      codeLines(file)
        .map(command)
        .filter((line) => /\bnpm run\b/.test(line) && /(^|[^-=])>|\||\$\(\s*npm run/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(redirected.length).toBeGreaterThan(0); // docs/rating.md's `rate-plans export`
    expect(redirected.filter((line) => !/\bnpm run -s\b/.test(line))).toEqual([]);
  });
});
