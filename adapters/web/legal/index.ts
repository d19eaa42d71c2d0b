/** The public legal pages (/privacy, /terms) the Teams manifest links to. */
export { createLegalRouter, type LegalPages } from './router';
export { loadLegalPages, type LegalSources } from './load';
export { markdownToHtml, renderLegalPage, type LegalContent } from './render';
