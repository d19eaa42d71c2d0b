/** Reading the console's 隔離ファイル page and its error pages in tests. */

/** The table's rows as text, tags stripped. */
export function rows(page: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(page)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** The error page's message. */
export const alertOf = (text: string) => /role="alert">([^<]*)/.exec(text)?.[1];

/** Waits (up to 2 s) until `done` holds. */
export async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
}
