/**
 * The team's IT-helpdesk dev sets (question file and knowledge folder), read by `npm run bench:prior` and
 * `npm run bench:paraphrases`. The clean held-out sets (kb-desk, kb-school, kb-health, kb-build) are not among them: they
 * measure what the fitted and learned pieces do on a knowledge base they never saw.
 */
export const HELPDESK_DEV_SETS: readonly (readonly [questions: string, kbDir: string])[] = [
  ['test/fixtures/qa/sample-kb-dev.jsonl', 'sample-kb'],
  ...[
    'kb-univ',
    'kb-corp',
    'minato-kb',
    'kb-pref',
    'kb-town',
    'kb-web',
    'kb-pdf',
    'kb-docx',
    'kb-xlsx',
    'kb-export',
    'kb-wiki',
    'kb-campus',
    'kb-slides',
    'kb-city',
    'kb-ward',
    'kb-village',
    'kb-hospital',
    'kb-water',
    'kb-fire',
    'kb-tax',
    'kb-welfare',
    'kb-counter',
    'kb-edu2',
    'kb-pref2',
  ].map((name): [string, string] => [`test/fixtures/qa/${name}-holdout.jsonl`, `test/fixtures/qa/${name}`]),
];
