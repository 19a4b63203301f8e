import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The text of PDFs as an extractor reads it (pdf.js, the engine of Firefox's viewer), one
 * string per PDF. One child process for all of them.
 */
export async function pdfTexts(pdfs: Buffer[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pdf-text-'));
  try {
    const files = await Promise.all(
      pdfs.map(async (pdf, index) => {
        const file = join(dir, `${index}.pdf`);
        await writeFile(file, pdf);
        return file;
      }),
    );
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(__dirname, 'extract-pdf-text.mjs'), ...files],
      { maxBuffer: 256 * 1024 * 1024 },
    );
    return JSON.parse(stdout) as string[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
