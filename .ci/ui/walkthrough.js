// Drives the web UI in headless Chromium (Debian's) through every capability, as a person would:
// sign up, verify the email from the mailbox, sign in with an emailed link, post, like, comment, search, buy (paid
// and declined), sell with a photo, upload an avatar, report a post and hide it as a moderator, admin status, register
// and sign in with a passkey, and sign up with a passkey alone.
// Usage: node walkthrough.js http://127.0.0.1:PORT [screenshot-dir]
const { chromium } = require('playwright-core');

const base = process.argv[2];
const shots = process.argv[3];
const name = 'ui' + Date.now().toString(36);
const title = `Walkthrough ${name} lantern`;

function check(condition, message) {
  if (!condition) throw new Error('UI check failed: ' + message);
  console.log('ok - ' + message);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  const pageErrors = [];
  page.on('pageerror', e => pageErrors.push(e.message));
  page.setDefaultTimeout(15000);
  const view = page.locator('#view');
  const tab = async label => {
    await page.click(`nav button:text-is("${label}")`);
    await page.waitForFunction(() => !document.querySelector('#view')?.textContent.includes('loading…'));
  };
  const shot = async file => shots && page.screenshot({ path: `${shots}/${file}.png`, fullPage: true });

  await page.goto(base + '/');
  await page.waitForSelector('text=Latest posts');
  check(true, 'the feed opens without signing in');

  await tab('Account');
  const signUp = page.locator('section:has(h2:text-is("Sign up"))'); // not "Sign up with a passkey"
  await signUp.getByPlaceholder('username').fill(name);
  await signUp.getByPlaceholder('email').fill(`${name}@example.com`);
  await signUp.getByPlaceholder('password').fill('walkthrough-pass-2026');
  await signUp.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForSelector(`text=signed in as ${name}`);
  check(true, 'sign up signs in');

  await tab('Mailbox');
  const mail = await page.locator('#view pre').first().textContent();
  const link = mail.match(/https?:\/\/\S+\/verify-email\?token=\S+/);
  check(link, 'the verification email is in the mailbox');
  await page.goto(base + new URL(link[0]).pathname + new URL(link[0]).search);
  await page.waitForSelector('text=your email address is verified');
  check(true, 'the email link verifies the address');

  // Signing in with an emailed link: log out, ask for a link, open it from the mailbox, be signed in.
  await tab('Account');
  await view.getByRole('button', { name: 'Log out' }).click();
  await page.waitForSelector('text=not signed in');
  const byLink = view.locator('section', { hasText: 'Sign in without a password' });
  await byLink.getByPlaceholder('email').fill(`${name}@example.com`);
  await byLink.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await byLink.locator('text=a link is on its way').waitFor();
  let signInMail;
  for (let i = 0; i < 50 && !signInMail; i++) { // the link is sent just after the request is answered
    const { messages } = await (await fetch(`${base}/api/dev/mailbox?to=${name}%40example.com`)).json();
    signInMail = messages.find(m => m.template === 'sign-in-link');
    if (!signInMail) await new Promise(resolve => setTimeout(resolve, 200));
  }
  const signInLink = signInMail && signInMail.text.match(/https?:\/\/\S+\/sign-in-link\?token=\S+/);
  check(signInLink, 'the sign-in link is in the mailbox');
  await page.goto(base + new URL(signInLink[0]).pathname + new URL(signInLink[0]).search);
  await view.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForSelector(`text=signed in as ${name}`);
  check(true, 'the emailed link signs in');

  await tab('Write');
  await view.getByPlaceholder('title').fill(title);
  await view.getByPlaceholder('description').fill('A post written by the UI walkthrough');
  await view.getByPlaceholder('body').fill('Paper lanterns, step by step.');
  await view.getByPlaceholder('tags, comma separated').fill('crafts, walkthrough');
  await view.getByRole('button', { name: 'Publish' }).click();
  await page.waitForSelector(`h2:text-is("${title}")`);
  check(true, 'a post is published and opens');

  await view.getByPlaceholder('your comment').fill('First!');
  await view.getByRole('button', { name: 'Comment' }).click();
  await page.waitForSelector(`text=${name}: First!`);
  check(true, 'a comment appears under the post');

  await tab('Feed');
  const item = page.locator('.item', { hasText: title }).first();
  await item.getByRole('button', { name: '♡ 0' }).click();
  await item.getByRole('button', { name: '♥ 1' }).waitFor();
  check(true, 'a like counts');
  await shot('feed');

  // Another person likes the post, through the API: the bell's count goes up live, from the stream.
  const bellCount = async () => Number(await page.locator('#bell-count').textContent());
  await page.waitForSelector('#bell:not([hidden])');
  const before = await bellCount();
  const call = async (method, path, body, token) => {
    const res = await fetch(base + '/api' + path, { method, headers: { 'Content-Type': 'application/json',
      ...(token ? { Authorization: 'Token ' + token } : {}) }, body: body && JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const fan = name + 'fan';
  const { user: other } = await call('POST', '/users', { user: { username: fan, email: `${fan}@example.com`,
    password: 'walkthrough-pass-2026' } });
  const { articles } = await call('GET', `/articles?author=${encodeURIComponent(name)}`);
  await call('POST', `/articles/${encodeURIComponent(articles[0].slug)}/favorite`, undefined, other.token);
  await page.waitForFunction(n => Number(document.querySelector('#bell-count')?.textContent) > n, before);
  check(true, `the bell's count goes up live when another user likes the post (${before} → ${await bellCount()})`);
  await page.click('#bell');
  await page.waitForSelector(`#view .notification:has-text("${fan}")`);
  check(true, 'the notification list shows who liked the post');
  await shot('notifications');
  await view.getByRole('button', { name: 'Mark all read' }).click();
  await page.waitForFunction(() => document.querySelector('#bell-count')?.textContent === '0');
  check(true, 'marking all read brings the bell back to 0, from the stream');
  await view.locator('.notification', { hasText: fan }).getByRole('link').click();
  await page.waitForSelector(`h2:text-is("${title}")`);
  check(true, 'a notification links to its post');

  await tab('Search');
  await view.getByPlaceholder('search posts, products and people').fill(name);
  await view.getByRole('button', { name: 'Search' }).click();
  await page.waitForSelector(`.item:has-text("${name}")`);
  check(true, 'search finds the new user');
  await view.getByPlaceholder('search posts, products and people').fill('lantern ' + name);
  await view.getByRole('button', { name: 'Search' }).click();
  await view.locator('.item a', { hasText: title }).click();
  await page.waitForSelector(`h2:text-is("${title}")`);
  check(true, 'search finds the new post, and it opens');
  await tab('Search');
  await shot('search');

  await tab('Shop');
  const product = page.locator('.item', { hasText: 'in stock' }).first();
  await product.getByRole('button', { name: 'Add to cart' }).click();
  await product.locator('text=In your cart.').waitFor();
  await tab('Shop');
  await view.getByRole('button', { name: 'Check out' }).click();
  await page.waitForSelector('text=/Order ord_\\w+: PAID/');
  check(true, 'checkout with pm_card_visa pays the order');
  await tab('Shop');
  await page.waitForSelector('section:has-text("Your orders") .item:has-text("PAID")');
  check(true, 'the paid order is listed');

  await page.locator('section', { hasText: 'Products' }).locator('.item', { hasText: 'in stock' }).first()
    .getByRole('button', { name: 'Add to cart' }).click();
  await tab('Shop');
  await page.selectOption('select[name=paymentMethod]', 'pm_card_chargeDeclined');
  await view.getByRole('button', { name: 'Check out' }).click();
  await page.waitForSelector('text=/402:[\\s\\S]*card_declined/');
  check(true, 'a declined card is answered 402 and named');
  await shot('shop');

  await tab('Mailbox');
  await page.waitForSelector('#view strong:has-text("order")');
  check(true, 'the order confirmation email is in the mailbox');

  // Pictures: a photo uploaded in the sell form shows on the product page, in search, and an avatar by the name.
  const picture = async (width, height, colour) => Buffer.from((await page.evaluate(([w, hgt, c]) => {
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = hgt;
    const g = canvas.getContext('2d');
    g.fillStyle = c;
    g.fillRect(0, 0, w, hgt);
    g.fillStyle = '#fff';
    g.fillRect(w / 4, hgt / 4, w / 2, hgt / 2);
    return canvas.toDataURL('image/png');
  }, [width, height, colour])).split(',')[1], 'base64');
  const loaded = selector => page.waitForFunction(s => {
    const img = document.querySelector(s);
    return img && img.complete && img.naturalWidth > 0;
  }, selector);
  await tab('Shop');
  const sell = page.locator('section', { hasText: 'Sell something' });
  await sell.locator('input[type=file]').setInputFiles([
    { name: 'lantern.png', mimeType: 'image/png', buffer: await picture(640, 480, '#c0392b') },
    { name: 'lantern-lit.png', mimeType: 'image/png', buffer: await picture(480, 640, '#f1c40f') }]);
  await sell.locator('.thumbs img').nth(1).waitFor();
  check(true, 'two photos upload in the sell form and show as thumbnails');
  const productTitle = `Paper lantern ${name}`;
  await sell.getByPlaceholder('title').fill(productTitle);
  await sell.getByPlaceholder('description').fill('Folded by the UI walkthrough');
  await sell.getByPlaceholder('price in minor units (cents)').fill('1250');
  await sell.getByRole('button', { name: 'List it' }).click();
  await page.waitForSelector(`h2:text-is("${productTitle}")`);
  await loaded('.gallery-main');
  const mainPhoto = page.locator('.gallery-main');
  check(await mainPhoto.evaluate(img => img.naturalWidth > 0 && img.naturalWidth > img.naturalHeight && img.src.includes('/images/')),
    'the product page shows the first uploaded photo (large size, loaded)');
  await page.locator('.gallery .thumbs button').nth(1).click();
  await page.waitForFunction(() => {
    const img = document.querySelector('.gallery-main');
    return img.complete && img.naturalWidth > 0 && img.naturalHeight > img.naturalWidth;
  });
  check(true, 'its second photo shows when its thumbnail is clicked');
  await shot('product');

  await tab('Search');
  await view.getByPlaceholder('search posts, products and people').fill(productTitle);
  await view.getByRole('button', { name: 'Search' }).click();
  await page.waitForSelector(`.item.with-thumbnail:has-text("${productTitle}") img.thumbnail`);
  await loaded('.item.with-thumbnail img.thumbnail');
  check(true, 'the product is found by search with its thumbnail');

  await tab('Account');
  await view.locator('input[name=avatar]').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: await picture(300, 300, '#2f6fde') });
  await page.waitForSelector('#whoami img.avatar');
  await loaded('#whoami img.avatar');
  check(true, 'an uploaded avatar shows next to the name');

  // Reporting: another user's post is reported from its page, with a reason and a few words.
  const spamTitle = `Cheap followers ${name}`;
  const { article: spam } = await call('POST', '/articles', { article: { title: spamTitle, description: 'buy now',
    body: 'Followers for sale, DM me.', tagList: [] } }, other.token);
  await tab('Feed');
  await page.locator('section', { hasText: 'Latest posts' }).locator('.item a', { hasText: spamTitle }).click();
  await page.waitForSelector(`h2:text-is("${spamTitle}")`);
  await view.getByRole('button', { name: 'Report', exact: true }).click();
  await view.locator('select[name=reason]').selectOption('spam');
  await view.locator('textarea[name=text]').fill('Sells followers');
  await view.getByRole('button', { name: 'Send report' }).click();
  await page.waitForSelector('text=Thank you: a moderator will look at it');
  check(true, 'a user reports a post from its page');
  await shot('report');

  await tab('Account');
  await view.getByRole('button', { name: 'Log out' }).click();
  await page.waitForSelector('text=not signed in');
  const login = page.locator('section', { hasText: 'Log in' });
  await login.getByPlaceholder('email').fill('admin@example.com');
  await login.getByPlaceholder('password').fill('admin-demo-pass');
  await login.getByRole('button', { name: 'Log in' }).click();
  await page.waitForSelector('text=signed in as admin');
  await tab('Account');
  await page.waitForSelector('section:has-text("Security log") .security-event.signed-in');
  check(true, 'the security log on the account page shows the sign-in');
  await page.waitForSelector('section:has-text("Sessions") .session.current:has-text("this device")');
  check(true, 'the sessions card on the account page shows this session');
  await tab('System');
  await page.waitForSelector('text=Search index (admin)');
  check(true, 'an admin sees the search index status');
  await shot('system');

  // Moderation: the admin (a moderator too) finds the report in the queue and hides the post, with a reason.
  await tab('Moderation');
  const queued = view.locator(`.queue-entry[data-subject="${spam.slug}"]`);
  await queued.waitFor();
  check((await queued.textContent()).includes('Sells followers'), 'the moderator sees the report in the queue, with its text');
  await shot('moderation');
  await queued.getByPlaceholder('reason (required, shown in the audit log)').fill('selling followers');
  await queued.getByRole('button', { name: 'Hide' }).click();
  await queued.waitFor({ state: 'detached' });
  check(true, 'hiding the post takes it out of the open queue');
  await tab('Moderation');
  await page.waitForSelector(`.audit-entry:has-text("hide post ${spam.slug}")`);
  check(true, 'the audit log shows who hid the post and why');
  const reader = name + 'reader';
  const { user: third } = await call('POST', '/users', { user: { username: reader, email: `${reader}@example.com`,
    password: 'walkthrough-pass-2026' } });
  const seen = await fetch(`${base}/api/articles/${encodeURIComponent(spam.slug)}`,
    { headers: { Authorization: 'Token ' + third.token } });
  check(seen.status === 404, `the hidden post is gone for another user (${seen.status})`);

  // Passkeys, with Chromium's virtual authenticator (DevTools protocol). WebAuthn needs a host name as the relying
  // party id, never an IP address: this part runs on http://localhost, which .ci/ui-walkthrough allows as an origin.
  const local = base.replace('://127.0.0.1', '://localhost');
  const keyContext = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  const keyPage = await keyContext.newPage();
  keyPage.on('pageerror', e => pageErrors.push(e.message));
  keyPage.setDefaultTimeout(15000);
  const devtools = await keyContext.newCDPSession(keyPage);
  await devtools.send('WebAuthn.enable');
  await devtools.send('WebAuthn.addVirtualAuthenticator', { options: { protocol: 'ctap2', transport: 'internal',
    hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true } });
  const keyUser = name + 'key';
  const { user: keyAccount } = await call('POST', '/users', { user: { username: keyUser,
    email: `${keyUser}@example.com`, password: 'walkthrough-pass-2026' } });
  await keyPage.goto(local + '/#Account');
  await keyPage.evaluate(token => localStorage.setItem('agora.token', token), keyAccount.token);
  await keyPage.reload();
  await keyPage.waitForSelector(`text=signed in as ${keyUser}`);
  const passkeys = keyPage.locator('section:has(h2:text-is("Passkeys"))');
  await passkeys.getByPlaceholder('name (e.g. Laptop)').fill('Walkthrough key');
  await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
  await keyPage.waitForSelector('#passkeys .passkey:has-text("Walkthrough key")');
  check(true, 'a passkey is registered with the (virtual) platform authenticator');
  await keyPage.locator('#view').getByRole('button', { name: 'Log out' }).click();
  await keyPage.waitForSelector('text=not signed in');
  await keyPage.locator('section:has(h2:text-is("Sign in with a passkey"))')
    .getByRole('button', { name: 'Sign in with a passkey' }).click();
  await keyPage.waitForSelector(`text=signed in as ${keyUser}`);
  check(true, 'signing in with the passkey needs no email or password');
  await keyPage.waitForSelector('section:has-text("Security log") .security-event.signed-in:has-text("passkey")');
  check(true, 'the security log shows the passkey sign-in');
  shots && await keyPage.screenshot({ path: `${shots}/passkeys.png`, fullPage: true });
  // An account with a passkey and no password: the virtual authenticator makes it a new credential.
  await keyPage.locator('#view').getByRole('button', { name: 'Log out' }).click();
  await keyPage.waitForSelector('text=not signed in');
  const keyOnly = name + 'keyonly';
  const passkeySignUp = keyPage.locator('section:has(h2:text-is("Sign up with a passkey"))');
  await passkeySignUp.getByPlaceholder('username').fill(keyOnly);
  await passkeySignUp.getByPlaceholder('email').fill(`${keyOnly}@example.com`);
  await passkeySignUp.getByRole('button', { name: 'Sign up with a passkey' }).click();
  await keyPage.waitForSelector(`text=signed in as ${keyOnly}`);
  await keyPage.waitForSelector('.passwordless');
  check(true, 'signing up with a passkey and no password signs the new user in');
  await keyContext.close();

  // Fair use: a client over a limit is told so on the page, not left with one that silently does nothing. The
  // page's own API calls ask until the first 429: a fixed count may never empty the bucket on a slow machine,
  // since it refills while the calls run.
  await page.evaluate(async () => {
    for (let i = 0; i < 1000; i++) {
      try {
        await api('GET', '/search/suggest?q=a');
      } catch (e) {
        if (e.status === 429) break;
        throw e;
      }
    }
  });
  await tab('Search');
  await page.waitForSelector('#notice:has-text("too many requests")');
  check(true, 'a client over its search limit sees why (429, retry after)');
  await shot('throttled');

  check(pageErrors.length === 0, 'no script errors' + (pageErrors.length ? ': ' + pageErrors.join('; ') : ''));
  await browser.close();
})().catch(async e => {
  console.error(e.message);
  process.exit(1);
});
