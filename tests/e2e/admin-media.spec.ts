/**
 * The media library end to end: a content manager uploads an image with its alt text through the plain upload form,
 * finds it in the grid with its address, uses that address as a banner's image (the field suggests library images),
 * and sees Delete refused with "Used by:" linking to the banner; once the banner is gone, Delete works.
 */
import { deflateSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { CONTENT_STAFF, logInStaff } from '@tests/support/e2e/staff';

/** A real 240×160 PNG (a two-colour gradient), made here so the test needs no binary fixture. */
function gradientPng(width = 240, height = 160): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      rows.set([31 + (x * 180) / width, 58 + (y * 110) / height, 95 + (x * 120) / width], at);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const cardOf = (page: Page, alt: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('img', { name: alt }) });

test('a content manager uploads an image, reuses it in a banner, and cannot delete it while the banner uses it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const alt = `Blue gradient swatch ${stamp}`;
  const bannerTitle = `Media test banner ${stamp}`;

  await logInStaff(page, CONTENT_STAFF, '/admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Media' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Media' })).toBeVisible();

  await page
    .getByLabel('Image file')
    .setInputFiles({ name: `swatch-${stamp}.png`, mimeType: 'image/png', buffer: gradientPng() });
  await page.getByLabel('Alt text', { exact: true }).fill(alt);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();

  const card = cardOf(page, alt);
  await expect(card).toBeVisible();
  await expect(card.getByText('Uploaded.')).toBeVisible();
  await expect(card.getByText(`swatch-${stamp}.png`, { exact: true }).first()).toBeVisible();
  await expect(card.getByText('240×160 px')).toBeVisible();
  const address = await card.getByLabel('Image address').inputValue();
  expect(address).toMatch(/^\/media\/library\/med_[0-9A-Z]{26}\.png$/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('media-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('media-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The banner's image field suggests library images; the address is typed as a shopper-independent path.
  await page.goto('/admin/content/banners/new');
  await expect(page.locator(`#banner-image-media option[value="${address}"]`)).toHaveAttribute('label', alt);
  await page.getByLabel('Placement').selectOption('home-promo');
  await page.getByLabel('Title').fill(bannerTitle);
  await page.getByLabel('Image address (optional)').fill(address);
  await page.getByLabel('Image description (alt text, required with an image)').fill('A blue swatch');
  await page.getByLabel('Active').uncheck(); // never shown in the shop: other specs read the home page
  await page.getByRole('button', { name: 'Create banner' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Banner saved.' })).toBeVisible();

  await page.goto('/admin/content/media');
  await cardOf(page, alt)
    .getByRole('button', { name: /^Delete/ })
    .click();
  await page
    .getByRole('dialog', { name: 'Delete this image?' })
    .getByRole('button', { name: 'Yes, delete' })
    .click();
  const refused = cardOf(page, alt).getByRole('alert');
  await expect(refused).toContainText('This image is used in one place');
  await expect(refused).toContainText('Used by:');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('media-refused.png'), fullPage: true });
  await refused.getByRole('link', { name: bannerTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: bannerTitle })).toBeVisible();

  await page.getByRole('button', { name: 'Delete banner' }).click();
  await expect(page).toHaveURL(/\/admin\/content\/banners\?deleted=1$/);
  await page.goto('/admin/content/media');
  await cardOf(page, alt)
    .getByRole('button', { name: /^Delete/ })
    .click();
  await page
    .getByRole('dialog', { name: 'Delete this image?' })
    .getByRole('button', { name: 'Yes, delete' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Image deleted.' })).toBeVisible();
  await expect(page.getByRole('img', { name: alt })).toHaveCount(0);
  expect((await page.request.get(address)).status()).toBe(404);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the upload form shows each field’s error from the server and stores nothing', async ({ page }) => {
    const stamp = Date.now().toString(36);
    await logInStaff(page, CONTENT_STAFF, '/admin/content/media');
    await page.getByLabel('Image file').setInputFiles({
      name: `notes-${stamp}.png`,
      mimeType: 'image/png',
      buffer: Buffer.from('only words here, not a picture at all'),
    });
    await page.getByLabel('Alt text', { exact: true }).fill('<script>alert(1)</script>');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The image was not uploaded' })).toBeVisible();
    await expect(page.getByText('Not a JPEG, PNG, WebP, AVIF or GIF image.')).toBeVisible();
    await expect(page.getByText('Write plain text')).toBeVisible();
    await expect(page.getByLabel('Alt text', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await page.goto(`/admin/content/media?q=notes-${stamp}`);
    await expect(page.getByRole('heading', { name: 'No images match' })).toBeVisible();
  });
});
