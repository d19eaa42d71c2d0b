/**
 * The environment of a server a benchmark spawns: the shell's own (PATH, HOME, locale) without any
 * KOTAE_* setting, then the benchmark's settings. A developer's exported KOTAE_LLM_URL or KOTAE_DB would
 * otherwise change what is measured without showing in the printed figures.
 */
export function childEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('KOTAE_')));
  return { ...inherited, ...settings };
}
