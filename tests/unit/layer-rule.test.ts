import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../..');

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: projectRoot });
});

/** Lints `code` as if it were saved at `file` and returns the layer-rule messages. */
async function layerProblems(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(projectRoot, file) });
  expect(result, `no lint result for ${file}`).toBeDefined();
  // A config or parse failure has no ruleId: surface it rather than pass by accident.
  const fatal = result!.messages.filter((message) => message.fatal || message.ruleId === null);
  expect(fatal.map((message) => message.message)).toEqual([]);
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('the layer rule', () => {
  it("loads the project's ESLint config", async () => {
    const config = (await eslint.calculateConfigForFile(join(projectRoot, 'src/shared/x.ts'))) as {
      rules?: Record<string, unknown>;
    };
    expect(config.rules?.['no-restricted-imports']).toBeDefined();
  });

  it.each([
    [
      "import { app } from 'electron';\nexport const name = app.name;\n",
      'src/core/x.ts',
      /Only electron\/ may import electron/,
    ],
    ["import fs from 'node:fs';\nexport const read = fs.readFileSync;\n", 'src/shared/x.ts', /no Node built-ins/],
    [
      "import { readFileSync } from 'fs';\nexport const read = readFileSync;\n",
      'src/shared/x.ts',
      /'fs' import is restricted/,
    ],
    [
      "import { Database } from '../../core/db/database';\nexport const db = Database;\n",
      'src/renderer/features/x.ts',
      /talks to the core through the contract/,
    ],
    [
      "import Sqlite from 'better-sqlite3';\nexport const db = Sqlite;\n",
      'src/renderer/features/x.ts',
      /better-sqlite3/,
    ],
    [
      "import { createCore } from '../core/api/core-services';\nexport const make = createCore;\n",
      'src/shared/x.ts',
      /imports nothing above it/,
    ],
    [
      "import { runCli } from '../cli/main';\nexport const run = runCli;\n",
      'src/core/x.ts',
      /src\/core imports only src\/shared/,
    ],
  ])('rejects %j in %s', async (code, file, reason) => {
    const problems = await layerProblems(code, file);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(reason);
  });

  it.each([
    ["import { z } from 'zod';\nexport const name = z.string();\n", 'src/shared/x.ts'],
    ["import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n", 'src/core/x.ts'],
    [
      "import { isIsoWeek } from '../../shared/dates/iso-week';\nexport const check = isIsoWeek;\n",
      'src/renderer/features/x.ts',
    ],
  ])('accepts %j in %s', async (code, file) => {
    expect(await layerProblems(code, file)).toEqual([]);
  });
});
