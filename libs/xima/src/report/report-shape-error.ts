/** The report cannot be read at all: the whole chunk fails, with a message a person can act on. */
export class ReportShapeError extends Error {
  override readonly name = 'ReportShapeError';
}
