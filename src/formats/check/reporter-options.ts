/** What every check reporter is told besides the result. */
export interface ReporterOptions {
  color: boolean;
  verbose: boolean;
  /** Extra lines for humans (discovery notes, tsconfig problems); only text formats show them. */
  notes?: readonly string[];
}
