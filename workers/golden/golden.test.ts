/** Every template's result at a fixed seed equals its golden file (regenerate with `npm run golden:update`). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplate, TEMPLATES } from '../templates/index';
import { GOLDEN_DIR, goldenText } from './golden';

describe('golden results of the templates', () => {
  for (const t of TEMPLATES) {
    it(t.id, () => {
      const file = join(GOLDEN_DIR, `${t.id}.json`);
      if (!existsSync(file)) {
        expect.fail(`template "${t.id}" has no golden file ${file}: run \`npm run golden:update\` and commit it`);
      }
      const want = JSON.parse(readFileSync(file, 'utf8'));
      const got = JSON.parse(goldenText(loadTemplate(t.id)));
      expect(got, `results of "${t.id}" changed; if intended, run \`npm run golden:update\` and review the diff`).toEqual(want);
    });
  }
});
