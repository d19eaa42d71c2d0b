/** Generated data of the knowledge layer (files here may exceed the usual length; regenerate, do not edit). */
export { LEARNED_PARAPHRASES, LEARNED_PARAPHRASE_FACTOR } from './learned-paraphrases';
