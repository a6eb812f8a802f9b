import { expect, openConsole, test } from './fixtures';
import { GuidesPage } from './pages/guides-page';

test('edit a guide: the change is saved and still there after a reload', async ({ page, demo, pageErrors }) => {
  void pageErrors;
  await openConsole(page, demo);
  const guides = new GuidesPage(page);
  await guides.goto();
  await guides.search('010002');
  await expect(guides.row('010002')).toBeVisible();
  await guides.edit('010002');
  await guides.field('guide-phone').fill('+86 139 1234 5678');
  await guides.save();
  await expect(guides.form).toBeHidden();
  await expect(guides.row('010002')).toContainText('13912345678');

  await page.reload();
  await guides.search('010002');
  await expect(guides.row('010002')).toContainText('13912345678');
});

test('bad input shows the reason under each field and changes nothing', async ({ page, demo, pageErrors }) => {
  void pageErrors;
  await openConsole(page, demo);
  const guides = new GuidesPage(page);
  await guides.goto();
  await guides.search('010003');
  const before = (await guides.row('010003').textContent()) ?? '';
  await guides.edit('010003');
  await guides.field('guide-name').fill('');
  await guides.field('guide-phone').fill('12345');
  await guides.save();
  await expect(guides.fieldFeedback('姓名')).toHaveText('必填');
  await expect(guides.fieldFeedback('手机号')).toContainText('不是有效的手机号');

  await guides.field('guide-name').fill('新名字');
  await guides.field('guide-phone').fill('');
  await guides.field('guide-staff-no').fill('010001');
  await guides.save();
  // The duplicate 工号 is found by the core, and shown on the same field.
  await expect(guides.fieldFeedback('工号')).toContainText('已被');
  await page.keyboard.press('Escape');
  await expect(guides.form).toBeHidden();
  await expect(guides.row('010003')).toHaveText(before);
});

test('a hire date in the future is refused', async ({ page, demo, pageErrors }) => {
  void pageErrors;
  await openConsole(page, demo);
  const guides = new GuidesPage(page);
  await guides.goto();
  await guides.search('010004');
  await guides.edit('010004');
  await guides.field('guide-hire-date').fill('2099-01-01');
  await guides.field('guide-hire-date').press('Enter');
  await guides.save();
  await expect(guides.fieldFeedback('入职日期')).toContainText('不能晚于今天');
});
