import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/StudioPage';

test('a day preset writes 24 h of profile points around the mean, sets a one-day run, and undoes in one step', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.clickPane();
  const before = await studio.exportDoc();

  await page.getByTestId('day-mean').fill('0');
  await page.getByTestId('day-apply').click();
  await expect(page.getByTestId('error-day-mean')).toContainText('Mean rate: must be a number greater than 0');

  await page.getByTestId('day-preset').selectOption('diurnal');
  await page.getByTestId('day-mean').fill('200');
  await page.getByTestId('day-mean').press('Enter');
  await expect(page.getByTestId('error-day-mean')).toHaveCount(0);
  const chart = page.getByTestId('profile-chart');
  // Diurnal, peak ÷ trough 4 around a mean of 200: a = 3/5, so peak 320 and trough 80 req/s; a point every 15 min.
  await expect(chart).toHaveAttribute('data-points', '97');
  expect(Number(await chart.getAttribute('data-peak'))).toBeCloseTo(320, 0);
  expect(Number(await chart.getAttribute('data-mean'))).toBeCloseTo(200, 0);
  await expect(page.getByTestId('profile-summary')).toContainText('97 points over 24 h');
  // 97 rows fold away; the run panel now plays the document's day.
  await expect(page.getByTestId('profile-points')).toBeVisible();
  await expect(page.getByTestId('profile-0-atSec')).toHaveCount(0);
  await expect(page.getByTestId('mode-single')).toBeChecked();
  await expect(page.getByTestId('run-form-profile')).toHaveValue('document');
  await expect(page.getByTestId('field-panel-run-durationSec')).toHaveValue('86400');

  const doc = (await studio.exportDoc()) as unknown as { workload: { ratePerSec: number; profile: { atSec: number; ratePerSec: number }[] }; run: { durationSec: number } };
  expect(doc.workload.ratePerSec).toBe(200);
  expect(doc.workload.profile).toHaveLength(97);
  expect(doc.workload.profile[96]).toEqual({ atSec: 86400, ratePerSec: expect.any(Number) });
  expect(doc.run.durationSec).toBe(86400);

  // The points stay editable by keyboard under the fold.
  await page.getByTestId('profile-points').locator('summary').focus();
  await page.keyboard.press('Enter');
  await studio.setField('profile-0-ratePerSec', '-5');
  await expect(page.getByTestId('error-profile-0-ratePerSec')).toContainText('must be a number from 0');

  await studio.clickPane();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('profile-chart')).toHaveCount(0);
  expect(await studio.exportDoc()).toEqual(before);
});
