import { run, type ExtractOptions, type Input } from '../api.js';
import { assemble } from '../assemble.js';
import { viewPage } from './page.js';

export { viewPage } from './page.js';

/**
 * The annotated HTML page for one report. The pipeline runs once: the page needs the decoded text (spans are
 * offsets into it) as well as the validated result.
 */
export function viewHtml(input: Input, options: ExtractOptions = {}): string {
  const doc = run(input, options);
  return viewPage(assemble(doc), doc.text);
}
