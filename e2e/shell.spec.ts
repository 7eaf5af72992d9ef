import { expect, test } from '@playwright/test';

test('the studio opens with the default template on the canvas', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('doc-name')).not.toBeEmpty();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
});
