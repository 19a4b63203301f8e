// Prints the text of each PDF file named on the command line as a JSON array of strings,
// one per file, lines joined by "\n": what a person's PDF text extractor reads.
// Run as its own process: pdfjs-dist is an ES module that Jest's CommonJS runtime cannot load.
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const texts = [];
for (const file of process.argv.slice(2)) {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 })
    .promise;
  let text = '';
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    for (const item of content.items) text += item.str + (item.hasEOL ? '\n' : ' ');
    text += '\n';
  }
  texts.push(text);
}
process.stdout.write(JSON.stringify(texts));
