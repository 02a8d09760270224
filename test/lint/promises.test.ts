// The typed rules of eslint.config.mjs: a promise nobody awaits is an error, unless `void` says
// it is left running on purpose. Linted as the content of a real file, which gives it a project.
import { ESLint } from 'eslint';
import config from '../../eslint.config.mjs';

const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: config });

// The first file linted loads the TypeScript project (seconds, more on a busy machine).
beforeAll(() => eslint.lintText('', { filePath: 'src/modules/audit/write-behind.ts' }), 180_000);

async function ruleIds(code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: 'src/modules/audit/write-behind.ts' });
  return result!.messages.map((m) => m.ruleId);
}

const flush = 'async function flush(): Promise<void> {}\n';

describe('lint refuses a promise left behind', () => {
  it('reports a promise that is neither awaited nor marked with void', async () => {
    expect(await ruleIds(`${flush}export function close(): void {\n  flush();\n}\n`)).toEqual(['@typescript-eslint/no-floating-promises']);
  });

  it('reports a promise handed where nothing waits for it', async () => {
    expect(await ruleIds(`${flush}export const timer = setTimeout(flush, 10);\n`)).toEqual(['@typescript-eslint/no-misused-promises']);
  });

  it('reports awaiting what is not a promise', async () => {
    expect(await ruleIds('export async function f(): Promise<number> {\n  return await 1;\n}\n')).toEqual(['@typescript-eslint/await-thenable']);
  });

  it('accepts one awaited, or left running with void on purpose', async () => {
    expect(
      await ruleIds(`${flush}export async function close(): Promise<void> {\n  await flush();\n}\nexport function later(): void {\n  void flush();\n}\n`),
    ).toEqual([]);
  });
});
