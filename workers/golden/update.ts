/** `npm run golden:update`: rewrites workers/golden/<id>.json for every template (the only way golden files change). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTemplate, TEMPLATES } from '../templates/index';
import { GOLDEN_DIR, goldenText } from './golden';

for (const t of TEMPLATES) {
  const file = join(GOLDEN_DIR, `${t.id}.json`);
  const text = goldenText(loadTemplate(t.id));
  const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
  writeFileSync(file, text);
  console.log(`${before === null ? 'created  ' : before === text ? 'unchanged' : 'updated  '} ${file}`);
}
