import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/core/server/browser-server';

/** The desktop app loads from a file, where only the page's own <meta> CSP applies. */
describe('the console page', () => {
  it('declares the same Content-Security-Policy as browser mode sends', () => {
    const html = readFileSync(new URL('../../src/renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const directives = (policy: string) =>
      new Set(
        policy
          .split(';')
          .map((part) => part.trim())
          .filter(Boolean),
      );
    // frame-ancestors is ignored in <meta>; every other directive must match.
    const expected = new Set(
      [...directives(contentSecurityPolicy)].filter((directive) => !directive.startsWith('frame-ancestors')),
    );
    expect(meta).toBeDefined();
    expect(directives(meta!)).toEqual(expected);
    expect(meta).toContain("script-src 'self'");
  });
});
