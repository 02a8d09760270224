// The layer rules of eslint.config.mjs, shown on imports that point the wrong way. Each snippet
// is linted as the content of a real file of the folder (so the typed rules have their project).
import { ESLint } from 'eslint';
import config from '../../eslint.config.mjs';

const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: config });

// The first file linted loads the TypeScript project (seconds, more on a busy machine).
beforeAll(() => eslint.lintText('', { filePath: 'src/http/app.ts' }), 180_000);

/** The layer errors of `code` linted as if it were `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint keeps the layers of src/ pointing one way', () => {
  it.each([
    [
      'the engine importing a contract',
      'src/planning/plan/goal.rules.ts',
      "import type { PlanGoal } from '../../contracts/plan.contract';",
      'src/planning may import nothing else in src/',
    ],
    [
      'a contract importing a module',
      'src/contracts/plan-resource.contract.ts',
      "import { acceptsSessions } from '../modules/plans/plan-status';",
      'src/contracts may import planning, lib, errors',
    ],
    [
      'src/http importing a module service',
      'src/http/auth.ts',
      "import type { ApiKeysService } from '../modules/api-keys/api-keys.service';",
      'src/http may import db, contracts',
    ],
    ['src/http importing the composition root', 'src/http/app.ts', "import type { Services } from '../container';", 'src/http may import db, contracts'],
    ['the CLI importing src/http', 'src/cli/commands.ts', "import { validatorCompiler } from '../http/validation';", 'src/cli may import container'],
    [
      'the configuration importing a module',
      'src/config.ts',
      "import type { WebhookDispatcher } from './modules/webhooks/webhook-dispatcher';",
      'src/config.ts may import nothing else',
    ],
    [
      'the database layer importing a repository',
      'src/db/tenant.ts',
      "import { apiKeysRepository } from '../modules/api-keys/api-keys.repository';",
      'src/db may import contracts',
    ],
    ['a helper importing src/http', 'src/lib/etag.ts', "import { sendVersioned } from '../http/context';", 'src/lib may import errors'],
    [
      'a route plugin importing the composition root',
      'src/modules/plans/plans.routes.ts',
      "import { createServices } from '../../container';",
      'src/modules may import http',
    ],
  ])('refuses %s', async (_case, filePath, importLine, says) => {
    const errors = await layerErrors(filePath, `${importLine}\n`);
    expect(errors).toEqual([expect.stringContaining(`Layers point one way: ${says}`)]);
  });

  it.each([
    ['a route plugin importing an HTTP helper', 'src/modules/plans/plans.routes.ts', "import { contextOf } from '../../http/context';"],
    ['a contract reading a catalog code list', 'src/contracts/plan.contract.ts', "import { SIDES } from '../planning/catalog/catalog.types';"],
    ['the composition root registering a route plugin', 'src/routes.ts', "import { plansRoutes } from './modules/plans/plans.routes';"],
    ['a file importing its own folder', 'src/http/app.ts', "import { registerAuditTrail } from './audit';"],
  ])('allows %s', async (_case, filePath, importLine) => {
    expect(await layerErrors(filePath, `${importLine}\n`)).toEqual([]);
  });
});
