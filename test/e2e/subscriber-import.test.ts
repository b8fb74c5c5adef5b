// Importing subscribers from the panel (issue 21 point 2): Subscribers → Import subscribers, a CSV
// file picked, the report shown and the new people listed; a bad line is named and nothing imported.
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { browserTest as test } from './browser.ts';
import { api, botId, nav, page, useShopLoggedIn } from './shop.ts';

useShopLoggedIn();

const dialog = () => page.getByRole('dialog', { name: 'Import subscribers' });

test('a bad line is named and imports nothing; a good file shows its report and the new people', async () => {
  await nav('Subscribers');
  await page.getByRole('button', { name: 'Import subscribers' }).click();
  // The platforms of the bot's channels are loaded before a file can be chosen.
  await dialog().getByLabel('Platform they wrote on').getByRole('option', { name: 'Sandbox' }).waitFor({ state: 'attached' });

  const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await dialog()
    .getByLabel('CSV file of subscribers')
    .setInputFiles(file('bad.csv', 'platform_user_id,name,language\nimp1,Imported One,en\nimp2,Imported Two,not a code\n'));
  const error = dialog().getByTestId('import-error');
  await error.waitFor();
  assert.match(await error.innerText(), /bad\.csv:3: language .*nothing was imported/);
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  assert.deepEqual(serious, [], 'the import dialog passes axe');
  assert.equal((await api('GET', `/api/bots/${botId}/subscribers?q=imp1`)).items.length, 0);

  await dialog()
    .getByLabel('CSV file of subscribers')
    .setInputFiles(file('good.csv', 'platform_user_id,name,tags\nimp1,Imported One,imported\nimp2,Imported Two,imported\n'));
  const report = dialog().getByTestId('import-report');
  await report.waitFor();
  assert.match(await report.innerText(), /2 new subscribers, 0 already known, 2 tags assigned — 2 rows read from good\.csv/);
  await dialog().getByRole('button', { name: 'Done' }).click();
  await page.getByRole('table', { name: 'Subscribers' }).getByRole('button', { name: 'Imported Two' }).waitFor();
});
