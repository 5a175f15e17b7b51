// Agora demo UI: plain JavaScript, no build step. Every section calls the public HTTP API, so what works
// here works for any client. User data is always inserted as text, never as HTML.
'use strict';

const state = { token: localStorage.getItem('agora.token'), user: null };

// ---- helpers -------------------------------------------------------------------------------------------

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (v !== false && v != null) el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null) el.append(c instanceof Node ? c : String(c));
  return el;
}

async function api(method, path, body, headers = {}, reconfirmed = false) {
  const init = { method, headers: { ...headers } };
  if (state.token) init.headers.Authorization = 'Token ' + state.token;
  if (body instanceof FormData) {
    init.body = body; // the browser writes the multipart Content-Type with its boundary
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch('/api' + path, init);
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  // A sensitive change from a session that is not recent: ask for the password (signin-link.js), then retry once.
  if (res.status === 403 && !reconfirmed && data && data.errors && data.errors.reauthentication
      && await reauthenticate()) {
    return api(method, path, body, headers, true);
  }
  if (!res.ok) {
    const errors = data && data.errors
      ? Object.entries(data.errors).map(([f, m]) => (f === 'body' ? '' : f + ' ') + m.join(', ')).join('\n')
      : res.statusText;
    const err = new Error(errors || (data && data.detail) || res.statusText);
    err.status = res.status;
    err.retryAfter = res.headers.get('Retry-After');
    if (res.status === 429 || res.status === 503) notice(err.message + (err.retryAfter ? ` (retry after ${err.retryAfter}s)` : ''));
    throw err;
  }
  return data;
}

/** A banner for what concerns the whole app, such as being asked to slow down (429) or come back later (503). */
function notice(text) {
  const el = document.getElementById('notice');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(notice.timer);
  notice.timer = setTimeout(() => { el.hidden = true; }, 10000);
}

// A failed call that nothing on the page catches (search-as-you-type, say) still tells the user why.
window.addEventListener('unhandledrejection', e => notice(e.reason && e.reason.message || String(e.reason)));

/** A form whose submit calls `action(values)` and shows the outcome below it. */
function form(fields, label, action, { inline = false } = {}) {
  const out = h('div');
  const inputs = fields.map(f => {
    const attrs = { name: f.name, placeholder: f.label || f.name, type: f.type || 'text', value: f.value ?? null };
    return f.type === 'textarea' ? h('textarea', attrs, f.value || '') : h('input', attrs);
  });
  const el = h('form', { class: inline ? 'inline' : null, onsubmit: async e => {
    e.preventDefault();
    const values = Object.fromEntries(inputs.map(i => [i.name, i.value]));
    out.replaceChildren();
    try {
      const result = await action(values);
      if (result instanceof Node) out.append(result);
      else if (typeof result === 'string') out.append(h('p', { class: 'ok' }, result));
    } catch (err) {
      out.append(h('p', { class: 'error' }, err.message + (err.retryAfter ? ` (retry after ${err.retryAfter}s)` : '')));
    }
  } }, ...inputs, h('button', {}, label));
  return h('div', {}, el, out);
}

/** A user's picture next to their name: their avatar, or their initial on a disc when they have none. */
function avatar(user, size = 'small') {
  if (user && user.image) return h('img', { class: `avatar ${size}`, src: user.image, alt: '' });
  return h('span', { class: `avatar ${size} initial`, 'aria-hidden': 'true' }, ((user && user.username) || '?')[0].toUpperCase());
}

/** Uploads one image file (POST /api/images); answers its id and URLs. */
async function uploadImage(file) {
  const body = new FormData();
  body.append('file', file);
  return (await api('POST', '/images', body)).image;
}

/**
 * A file input that uploads the chosen pictures at once and shows them; `ids()` answers the uploaded ones in
 * order, for a product's `images`.
 */
function photoPicker(max) {
  const uploaded = [];
  const list = h('div', { class: 'thumbs' });
  const status = h('span', { class: 'muted' });
  const input = h('input', { type: 'file', name: 'photos', accept: 'image/jpeg,image/png,image/webp,image/gif', multiple: true });
  const redraw = () => list.replaceChildren(...uploaded.map((image, i) => h('span', { class: 'thumb' },
    h('img', { src: image.urls.small, alt: `photo ${i + 1}` }),
    h('button', { type: 'button', class: 'secondary', title: 'remove', onclick: () => { uploaded.splice(i, 1); redraw(); } }, '×'))));
  input.addEventListener('change', async () => {
    const files = [...input.files].slice(0, max - uploaded.length);
    input.value = '';
    status.className = 'muted';
    for (const file of files) {
      status.textContent = `uploading ${file.name}…`;
      try {
        uploaded.push(await uploadImage(file));
        redraw();
        status.textContent = '';
      } catch (err) {
        status.className = 'error';
        status.textContent = `${file.name}: ${err.message}`;
        return;
      }
    }
  });
  return { element: h('div', { class: 'picker' }, h('label', {}, `Photos (up to ${max}) `, input), status, list), ids: () => uploaded.map(i => i.id) };
}

function card(title, ...children) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

function json(data) {
  return h('pre', {}, JSON.stringify(data, null, 2));
}

function setToken(token) {
  state.token = token;
  if (token) localStorage.setItem('agora.token', token);
  else localStorage.removeItem('agora.token');
}

/** A login answer: the session, and whether its password is on the breached list (asked to change it until it is). */
function signedIn(user) {
  setToken(user.token);
  if (user.passwordBreached) localStorage.setItem('agora.passwordBreached', '1');
  else localStorage.removeItem('agora.passwordBreached');
}

/** After a password or a sign-in link: signed in, or the form for the two-factor code when it is on. */
async function firstFactorPassed(res) {
  if (res.challenge) {
    return form([{ name: 'code', label: 'two-factor code' }], 'Continue', async c => {
      const done = await api('POST', '/users/login/2fa', { challenge: res.challenge, code: c.code });
      signedIn(done.user);
      await show('Account');
    });
  }
  signedIn(res.user);
  await show('Account');
}

async function refreshUser() {
  state.user = null;
  if (state.token) {
    try {
      state.user = (await api('GET', '/user')).user;
    } catch (e) {
      if (e.status === 401) setToken(null);
    }
  }
  const who = document.getElementById('whoami');
  who.replaceChildren(...(state.user ? [avatar(state.user), `signed in as ${state.user.username}`] : ['not signed in']));
}

// ---- tabs ----------------------------------------------------------------------------------------------

const tabs = [];
function tab(name, render) {
  tabs.push({ name, render });
}

async function show(name) {
  location.hash = encodeURIComponent(name);
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.textContent === name);
  const view = document.getElementById('view');
  view.replaceChildren(h('p', { class: 'muted' }, 'loading…'));
  try {
    const content = await tabs.find(t => t.name === name).render();
    view.replaceChildren(...[content].flat().filter(Boolean));
  } catch (e) {
    view.replaceChildren(h('p', { class: 'error' }, e.message));
  }
}

function signedInOnly() {
  return state.user ? null : card('Sign in first', h('p', {}, 'This part needs a signed-in user: see the Account tab.'));
}

// ---- account -------------------------------------------------------------------------------------------

tab('Account', async () => {
  const verified = await verifyFromLink();
  await refreshUser();
  if (verified) return [verified];
  const disowning = notMeCard();
  if (disowning) return [disowning];
  if (!state.user) {
    return [
      card('Log in',
        h('p', { class: 'muted' }, 'Demo users: alice@example.com / alice-demo-pass, bob@example.com / bob-demo-pass, …'),
        form([{ name: 'email' }, { name: 'password', type: 'password' }], 'Log in', async v => {
          return firstFactorPassed(await api('POST', '/users/login', { user: v }));
        })),
      passkeySignInCard(),
      card('Sign up',
        form([{ name: 'username' }, { name: 'email' }, { name: 'password', type: 'password' }], 'Sign up', async v => {
          const res = await api('POST', '/users', { user: v });
          setToken(res.user.token);
          await show('Account');
        })),
      passkeySignUpCard(),
      ...passwordResetCards(),
      ...signInLinkCards(),
    ];
  }
  const u = state.user;
  const editProfile = card('Edit profile',
      form([
        { name: 'username', value: u.username }, { name: 'email', value: u.email },
        { name: 'bio', value: u.bio || '' }, { name: 'image', label: 'image URL', value: u.image || '' },
        { name: 'password', type: 'password', label: 'new password (optional)' },
      ], 'Save', async v => {
        if (!v.password) delete v.password;
        await api('PUT', '/user', { user: v });
        if (v.password) localStorage.removeItem('agora.passwordBreached');
        await refreshUser();
        return 'Saved.';
      }));
  editProfile.id = 'edit-profile';
  return [
    ...(localStorage.getItem('agora.passwordBreached') ? [h('section', { class: 'card', role: 'alert' },
      h('strong', {}, 'Your password appears in known data breaches. '),
      'Attackers try such passwords first: please ',
      h('a', { href: '#edit-profile' }, 'change it now'), '.')] : []),
    card('You',
      h('p', {}, avatar(u, 'large'), ' ', h('strong', {}, u.username)),
      json(u),
      h('button', { class: 'secondary', onclick: async () => {
        await api('POST', '/users/logout');
        setToken(null);
        await show('Account');
      } }, 'Log out')),
    editProfile,
    avatarCard(),
    notificationEmailsCard(),
    ...lifecycleCards(),
    sessionsCard(),
    passkeysCard(),
    securityLogCard(),
  ];
});


function avatarCard() {
  const status = h('p');
  const input = h('input', { type: 'file', name: 'avatar', accept: 'image/jpeg,image/png,image/webp,image/gif' });
  input.addEventListener('change', async () => {
    if (!input.files.length) return;
    status.replaceChildren(h('span', { class: 'muted' }, 'uploading…'));
    try {
      const image = await uploadImage(input.files[0]);
      await api('PUT', '/user', { user: { image: image.id } });
      await show('Account');
    } catch (err) {
      status.replaceChildren(h('span', { class: 'error' }, err.message));
    }
  });
  return card('Avatar',
    h('p', { class: 'muted' }, 'A picture of you (JPEG, PNG, WebP or GIF), shown next to your name.'),
    h('label', {}, 'Upload an avatar ', input), status);
}

// ---- social --------------------------------------------------------------------------------------------

function articleItem(a, { explain = false } = {}) {
  const like = h('button', { class: 'secondary', onclick: async () => {
    if (!state.user) return alert('Log in to like posts.');
    const res = await api(a.favorited ? 'DELETE' : 'POST', `/articles/${encodeURIComponent(a.slug)}/favorite`);
    Object.assign(a, res.article);
    like.textContent = (a.favorited ? '♥ ' : '♡ ') + a.favoritesCount;
  } }, (a.favorited ? '♥ ' : '♡ ') + a.favoritesCount);
  return h('div', { class: 'item' },
    h('strong', {}, h('a', { href: '#', onclick: e => { e.preventDefault(); openArticle(a.slug); } }, a.title)),
    ' ', avatar(a.author), h('span', { class: 'muted' }, `by ${a.author.username} · ${new Date(a.createdAt).toLocaleString()}`),
    h('div', {}, a.description),
    h('div', { class: 'tags' }, a.tagList.map(t => h('span', {}, t))),
    like,
    explain && a.explain ? h('div', { class: 'muted' },
      `${a.explain.source} · score ${a.explain.score.toFixed(3)} = freshness ${a.explain.freshness.toFixed(3)}`
      + ` × engagement ${a.explain.engagement.toFixed(3)} × affinity ${a.explain.affinity.toFixed(3)}`
      + ` × source ${a.explain.sourceWeight}`) : null);
}

function articleList(title, path, { explain = false, cursor = false } = {}) {
  const list = h('div');
  const more = h('button', { class: 'secondary' }, 'More');
  let next = path;
  let offset = 0;
  async function load() {
    const data = await api('GET', next);
    list.append(...data.articles.map(a => articleItem(a, { explain })));
    if (!data.articles.length && !list.children.length) list.append(h('p', { class: 'muted' }, 'Nothing here yet.'));
    offset += data.articles.length;
    if (cursor) {
      next = data.nextCursor ? `/feed?explain=${explain}&cursor=${encodeURIComponent(data.nextCursor)}` : null;
    } else {
      next = offset < data.articlesCount ? path + (path.includes('?') ? '&' : '?') + 'offset=' + offset : null;
    }
    more.hidden = !next;
  }
  more.addEventListener('click', load);
  return { element: card(title, list, more), load };
}

/** Text with its stored mentions as links to the profiles; everything else stays plain text. */
function withMentions(text, mentions) {
  const known = new Set((mentions || []).map(m => m.toLowerCase()));
  if (!known.size) return text;
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(/(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]+)/g)) {
    const name = m[1].replace(/\.+$/, '');
    if (!known.has(name.toLowerCase())) continue;
    parts.push(text.slice(last, m.index),
      h('a', { href: '#', class: 'mention', onclick: e => { e.preventDefault(); openProfile(name); } }, '@' + name));
    last = m.index + 1 + name.length;
  }
  parts.push(text.slice(last));
  return parts;
}

async function openProfile(username) {
  const view = document.getElementById('view');
  const { profile } = await api('GET', `/profiles/${encodeURIComponent(username)}`);
  const follow = h('button', { class: 'secondary', onclick: async () => {
    const res = await api(profile.following ? 'DELETE' : 'POST', `/profiles/${encodeURIComponent(profile.username)}/follow`);
    Object.assign(profile, res.profile);
    follow.textContent = profile.following ? 'Unfollow' : 'Follow';
  } }, profile.following ? 'Unfollow' : 'Follow');
  const posts = articleList(`Posts by ${profile.username}`, `/articles?author=${encodeURIComponent(profile.username)}`);
  view.replaceChildren(
    card(profile.username, avatar(profile), h('p', {}, profile.bio || ''),
      state.user && state.user.username !== profile.username ? follow : null, relationshipButtons(profile),
      reportButton('user', profile.username, profile.username)),
    posts.element);
  await posts.load();
}

async function openArticle(slug) {
  const view = document.getElementById('view');
  const { article: a } = await api('GET', `/articles/${encodeURIComponent(slug)}`);
  const { comments } = await api('GET', `/articles/${encodeURIComponent(slug)}/comments`);
  const profile = (await api('GET', `/profiles/${encodeURIComponent(a.author.username)}`)).profile;
  const follow = h('button', { class: 'secondary', onclick: async () => {
    const res = await api(profile.following ? 'DELETE' : 'POST', `/profiles/${encodeURIComponent(profile.username)}/follow`);
    Object.assign(profile, res.profile);
    follow.textContent = profile.following ? `Unfollow ${profile.username}` : `Follow ${profile.username}`;
  } }, profile.following ? `Unfollow ${profile.username}` : `Follow ${profile.username}`);
  view.replaceChildren(
    card(a.title,
      h('p', { class: 'muted' }, avatar(a.author), ` by ${a.author.username} · ${a.favoritesCount} likes`),
      state.user && state.user.username !== profile.username ? follow : null,
      relationshipButtons(profile, { role: 'author' }),
      reportButton('post', a.slug, a.author.username),
      h('p', {}, a.description),
      h('pre', {}, withMentions(a.body, a.mentions)),
      h('div', { class: 'tags' }, a.tagList.map(t => h('span', {}, t))),
      state.user && state.user.username === a.author.username
        ? h('button', { class: 'secondary', onclick: async () => {
          await api('DELETE', `/articles/${encodeURIComponent(slug)}`);
          await show('Feed');
        } }, 'Delete post') : null),
    card('Comments',
      comments.map(c => h('div', { class: 'item' }, avatar(c.author), h('strong', {}, c.author.username), ': ', withMentions(c.body, c.mentions))),
      state.user ? form([{ name: 'body', type: 'textarea', label: 'your comment' }], 'Comment', async v => {
        await api('POST', `/articles/${encodeURIComponent(slug)}/comments`, { comment: v });
        await openArticle(slug);
      }) : h('p', { class: 'muted' }, 'Log in to comment.')));
}

tab('Feed', async () => {
  const parts = [];
  if (state.user) {
    const ranked = articleList('Your ranked feed (why each post is here, under it)', '/feed?explain=true',
      { explain: true, cursor: true });
    await ranked.load();
    parts.push(ranked.element);
  }
  const latest = articleList('Latest posts', '/articles?limit=10');
  await latest.load();
  parts.push(latest.element);
  const { tags } = await api('GET', '/tags');
  parts.push(card('Tags', h('div', { class: 'tags' }, tags.map(tagChip))));
  return parts;
});

tab('Write', async () => signedInOnly() || card('New post',
  form([{ name: 'title' }, { name: 'description' }, { name: 'body', type: 'textarea' },
    { name: 'tags', label: 'tags, comma separated' }], 'Publish', async v => {
    const tagList = v.tags.split(',').map(t => t.trim()).filter(Boolean);
    const { article } = await api('POST', '/articles',
      { article: { title: v.title, description: v.description, body: v.body, tagList } });
    await openArticle(article.slug);
  })));

// ---- buying and selling --------------------------------------------------------------------------------

function money(amount, currency) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount / 10 ** digits);
}

/** The picture of a product in a list: its first uploaded photo, else its first image URL. */
function thumbnail(url, alt) {
  return url ? h('img', { class: 'thumbnail', src: url, alt, loading: 'lazy' }) : h('span', { class: 'thumbnail none' });
}

function productLink(id, title) {
  return h('a', { href: '#', onclick: e => { e.preventDefault(); openProduct(id); } }, title);
}

function addToCart(p) {
  const qty = h('input', { type: 'number', min: 1, max: p.stock, value: 1, style: 'width:4rem' });
  return h('form', { class: 'inline', onsubmit: async e => {
    e.preventDefault();
    try {
      await api('PUT', `/cart/items/${encodeURIComponent(p.id)}`, { quantity: Number(qty.value) });
      e.target.replaceWith(h('p', { class: 'ok' }, 'In your cart.'));
    } catch (err) {
      e.target.append(h('span', { class: 'error' }, err.message));
    }
  } }, qty, h('button', {}, 'Add to cart'));
}

function productItem(p) {
  return h('div', { class: 'item with-thumbnail' },
    thumbnail(p.photos.length ? p.photos[0].small : p.images[0], p.title),
    h('div', {},
      h('strong', {}, productLink(p.id, p.title)), ' ', h('span', {}, money(p.price.amount, p.price.currency)),
      ' ', avatar(p.seller), h('span', { class: 'muted' }, `by ${p.seller.username} · ${p.stock} in stock · ${p.unitsSold} sold`),
      h('div', {}, p.description),
      h('div', { class: 'tags' }, p.tags.map(t => h('span', {}, t))),
      state.user && p.stock > 0 ? addToCart(p) : null));
}

/** A product's own page: its photos (large, with small ones to switch), price, seller, stock, and buying. */
async function openProduct(id) {
  const view = document.getElementById('view');
  const { product: p } = await api('GET', `/products/${encodeURIComponent(id)}`);
  const pictures = p.photos.length ? p.photos.map(ph => ({ large: ph.large, small: ph.small }))
    : p.images.map(url => ({ large: url, small: url }));
  const main = pictures.length ? h('img', { class: 'gallery-main', src: pictures[0].large, alt: p.title }) : null;
  const thumbs = pictures.length > 1 ? h('div', { class: 'thumbs' }, pictures.map((pic, i) =>
    h('button', { type: 'button', class: 'thumb' + (i === 0 ? ' active' : ''), title: `photo ${i + 1}`, onclick: e => {
      main.src = pic.large;
      for (const b of e.currentTarget.parentNode.children) b.classList.toggle('active', b === e.currentTarget);
    } }, h('img', { src: pic.small, alt: `photo ${i + 1}` })))) : null;
  const buy = !state.user ? h('p', { class: 'muted' }, 'Log in to buy.')
    : state.user.username === p.seller.username ? h('p', { class: 'muted' }, 'Your listing.')
    : p.stock > 0 ? addToCart(p) : h('p', { class: 'muted' }, 'Sold out.');
  view.replaceChildren(card(p.title,
    h('div', { class: 'product' },
      h('div', { class: 'gallery' }, main || h('p', { class: 'muted' }, 'No photos.'), thumbs),
      h('div', {},
        h('p', { class: 'price' }, money(p.price.amount, p.price.currency)),
        h('p', {}, avatar(p.seller), ' sold by ', h('strong', {}, p.seller.username)),
        relationshipButtonsFor(p.seller.username, { role: 'seller' }),
        reportButton('product', p.id, p.seller.username),
        h('p', { class: 'muted' }, `${p.stock} in stock · ${p.unitsSold} sold`),
        buy,
        h('p', {}, p.description),
        h('div', { class: 'tags' }, p.tags.map(t => h('span', {}, t)))))));
}

function orderItem(o) {
  const actions = [];
  const key = () => ({ 'Idempotency-Key': crypto.randomUUID() });
  const act = (label, method, path, headers, body) => h('button', { class: 'secondary', onclick: async e => {
    try {
      await api(method, path, body, headers);
      await show('Shop');
    } catch (err) {
      e.target.after(h('span', { class: 'error' }, err.message));
    }
  } }, label);
  if (o.buyer === state.user.username && o.status === 'PAID') actions.push(act('Cancel', 'POST', `/orders/${o.id}/cancel`, key()));
  if (o.buyer !== state.user.username && o.status === 'PAID') actions.push(act('Mark shipped', 'POST', `/orders/${o.id}/ship`));
  if (o.buyer !== state.user.username && ['PAID', 'SHIPPED'].includes(o.status) && o.refunded < o.total) {
    actions.push(act('Refund my lines', 'POST', `/orders/${o.id}/refund`, key()));
  }
  return h('div', { class: 'item' },
    h('strong', {}, o.id), ' ', o.status, ' · ', money(o.total, o.currency),
    o.refunded ? ` (refunded ${money(o.refunded, o.currency)})` : '',
    ' ', h('span', { class: 'muted' }, `buyer ${o.buyer} · ${new Date(o.createdAt).toLocaleString()}`),
    h('ul', {}, o.items.map(i => h('li', {}, `${i.quantity} × ${i.title} (${money(i.unitPrice, o.currency)}) from ${i.seller}`))),
    actions);
}

async function cartCard() {
  const { cart } = await api('GET', '/cart');
  const method = h('select', { name: 'paymentMethod' },
    ['pm_card_visa', 'pm_card_chargeDeclined', 'pm_card_chargeDeclinedInsufficientFunds', 'pm_card_timeout']
      .map(m => h('option', { value: m }, m)));
  const address = ['name', 'line1', 'city', 'postalCode', 'country'].map(f =>
    h('input', { name: f, placeholder: f, value: { name: state.user.username, line1: '1 Market Street', city: 'London', postalCode: 'NW1 6XE', country: 'GB' }[f] }));
  const out = h('div');
  const checkout = h('form', { onsubmit: async e => {
    e.preventDefault();
    out.replaceChildren();
    const shippingAddress = Object.fromEntries(address.map(i => [i.name, i.value]));
    try {
      const { order } = await api('POST', '/orders', { paymentMethod: method.value, shippingAddress },
        { 'Idempotency-Key': crypto.randomUUID() });
      out.append(h('p', { class: 'ok' }, `Order ${order.id}: ${order.status}. A confirmation email is on its way.`));
    } catch (err) {
      out.append(h('p', { class: 'error' }, `${err.status}: ${err.message}`));
    }
  } }, h('label', {}, 'Payment method (sandbox bank) ', method), ...address, h('button', {}, 'Check out'));
  return card('Your cart',
    cart.items.length ? h('table', {}, cart.items.map(i => h('tr', {},
      h('td', {}, i.product.title), h('td', {}, `× ${i.quantity}`), h('td', {}, money(i.lineTotal, i.product.price.currency)),
      h('td', {}, h('button', { class: 'secondary', onclick: async () => {
        await api('DELETE', `/cart/items/${encodeURIComponent(i.product.id)}`);
        await show('Shop');
      } }, 'Remove'))))) : h('p', { class: 'muted' }, 'Empty.'),
    cart.totals.map(t => h('p', {}, h('strong', {}, 'Total: '), money(t.amount, t.currency))),
    cart.items.length ? checkout : null, out);
}

tab('Shop', async () => {
  const { products } = await api('GET', '/products?inStock=true&limit=20');
  const parts = [card('Products', products.length ? products.map(productItem) : h('p', { class: 'muted' }, 'No products yet.'))];
  if (!state.user) return [...parts, signedInOnly()];
  parts.push(await cartCard());
  const mine = await api('GET', '/orders?limit=10');
  parts.push(card('Your orders', mine.orders.length ? mine.orders.map(orderItem) : h('p', { class: 'muted' }, 'None yet.')));
  const sold = await api('GET', '/orders?as=seller&limit=10');
  parts.push(card('Orders of your products', sold.orders.length ? sold.orders.map(orderItem) : h('p', { class: 'muted' }, 'None yet.')));
  const photos = photoPicker(8);
  parts.push(card('Sell something',
    state.user.emailVerified ? null : h('p', { class: 'muted' }, 'Verify your email first (Account tab).'),
    photos.element,
    form([{ name: 'title' }, { name: 'description', type: 'textarea' }, { name: 'amount', label: 'price in minor units (cents)' },
      { name: 'currency', value: 'EUR' }, { name: 'stock', value: '5' }, { name: 'tags', label: 'tags, comma separated' }],
    'List it', async v => {
      const { product } = await api('POST', '/products', { product: {
        title: v.title, description: v.description, price: { amount: Number(v.amount), currency: v.currency },
        stock: Number(v.stock), tags: v.tags.split(',').map(t => t.trim()).filter(Boolean), images: photos.ids() } });
      await openProduct(product.id);
    })));
  return parts;
});

// ---- search --------------------------------------------------------------------------------------------

/** A server snippet is escaped text with <mark> around matches: rebuild it from text nodes and marks only. */
function snippet(html) {
  const out = h('span');
  const parsed = new DOMParser().parseFromString(`<div>${html || ''}</div>`, 'text/html').body.firstChild;
  for (const node of parsed.childNodes) {
    out.append(node.nodeName === 'MARK' ? h('mark', {}, node.textContent) : node.textContent);
  }
  return out;
}

function searchResult(r) {
  const open = r.type === 'post' ? h('a', { href: '#', onclick: e => { e.preventDefault(); openArticle(r.id); } }, r.title)
    : r.type === 'product' ? productLink(r.id, r.title) : h('strong', {}, r.title);
  const text = [
    h('span', { class: 'muted' }, r.type + ' '), r.type === 'profile' ? avatar(r) : null, open,
    r.price ? [' ', money(r.price.amount, r.price.currency)] : null,
    r.score != null ? h('span', { class: 'muted' }, ` · score ${r.score.toFixed(2)}`) : null,
    h('div', {}, snippet(r.snippet)),
    r.tags ? h('div', { class: 'tags' }, r.tags.map(t => h('span', {}, t))) : null];
  return r.type === 'product'
    ? h('div', { class: 'item with-thumbnail' }, thumbnail(r.thumbnail, r.title), h('div', {}, text))
    : h('div', { class: 'item' }, text);
}

tab('Search', async () => {
  const q = h('input', { name: 'q', placeholder: 'search posts, products and people', autocomplete: 'off', style: 'flex:1' });
  const type = h('select', { name: 'type' }, ['', 'post', 'product', 'profile'].map(t => h('option', { value: t }, t || 'everything')));
  const sort = h('select', { name: 'sort' }, ['relevance', 'newest', 'price_asc', 'price_desc'].map(t => h('option', { value: t }, t)));
  const suggestions = h('div', { class: 'muted' });
  const results = h('div');
  let tag = '';
  async function run() {
    const params = new URLSearchParams({ q: q.value, sort: sort.value, limit: '20' });
    if (type.value) params.append('type', type.value);
    if (tag) params.append('tag', tag);
    results.replaceChildren();
    try {
      const res = await api('GET', '/search?' + params);
      const facets = res.facets || {};
      results.append(h('div', {},
        h('p', { class: 'muted' }, `${res.totalExact === false ? 'about ' : ''}${res.total} results in ${res.tookMs} ms`),
        h('div', { class: 'tags' }, Object.entries(facets.type || {}).map(([t, n]) => h('span', {}, `${t}: ${n}`))),
        h('div', { class: 'tags' }, 'tags: ', Object.entries(facets.tags || {}).map(([t, n]) =>
          h('span', { style: 'cursor:pointer', onclick: () => { tag = tag === t ? '' : t; run(); } }, `${tag === t ? '✓ ' : ''}${t} (${n})`))),
        (facets.price || []).length ? h('div', { class: 'tags' }, 'price: ',
          facets.price.map(p => h('span', {}, `${p.currency} ${p.range}: ${p.count}`))) : null,
        res.results.map(searchResult)));
    } catch (err) {
      results.append(h('p', { class: 'error' }, err.message));
    }
  }
  q.addEventListener('input', async () => {
    if (!q.value.trim()) return suggestions.replaceChildren();
    const res = await api('GET', '/search/suggest?q=' + encodeURIComponent(q.value));
    suggestions.replaceChildren(...res.suggestions.map(s =>
      h('a', { href: '#', style: 'margin-right:.8rem', onclick: e => { e.preventDefault(); q.value = s.text; run(); } },
        `${s.text} (${s.type})`)));
  });
  const bar = h('form', { class: 'inline', onsubmit: e => { e.preventDefault(); run(); } }, q, type, sort, h('button', {}, 'Search'));
  await run();
  return card('Search', bar, suggestions, results);
});

// ---- notification emails --------------------------------------------------------------------------------

const EMAIL_CHOICES = { never: 'never', at_once: 'at once', daily: 'in the daily digest' };

/** One select per notification type: email never, at once, or in the daily digest (in-app is always on). */
function notificationEmailsCard() {
  const body = h('div', {}, h('p', { class: 'muted' }, 'loading…'));
  const render = ({ settings }) => body.replaceChildren(
    h('p', { class: 'muted' }, 'You always see notifications here; choose which ones also come by email.'),
    ...Object.entries(settings).map(([type, s]) => {
      const status = h('span', { class: 'muted' }, s.default ? ' (default)' : '');
      const select = h('select', { name: type, onchange: async () => {
        try {
          render(await api('PUT', '/user/notification-settings', { settings: { [type]: { email: select.value } } }));
        } catch (err) {
          status.replaceChildren(h('span', { class: 'error' }, ' ' + err.message));
        }
      } }, ...Object.entries(EMAIL_CHOICES).map(([value, label]) =>
        h('option', { value, selected: value === s.email }, label)));
      return h('div', { class: 'item' }, h('label', {}, type.replaceAll('_', ' ') + ': ', select), status);
    }));
  api('GET', '/user/notification-settings').then(render)
    .catch(err => body.replaceChildren(h('p', { class: 'error' }, err.message)));
  return card('Notification emails', body);
}

// ---- email and account lifecycle ------------------------------------------------------------------------

function lifecycleCards() {
  const u = state.user;
  return [
    card('Email verification',
      h('p', {}, u.emailVerified ? 'Your email is verified.' : 'Your email is not verified yet: use the link in the email.'),
      u.emailVerified ? null : h('button', { class: 'secondary', onclick: async e => {
        try {
          await api('POST', '/users/verification/resend');
          e.target.replaceWith(h('p', { class: 'ok' }, 'Sent: see your mailbox.'));
        } catch (err) {
          e.target.replaceWith(h('p', { class: 'error' }, err.message));
        }
      } }, 'Send the link again')),
    card('Two-factor login',
      h('p', { class: 'muted' }, 'Enrol with any authenticator app (TOTP); the login then asks for a code.'),
      h('button', { class: 'secondary', onclick: async e => {
        const res = await api('POST', '/user/2fa');
        e.target.replaceWith(h('div', {},
          h('p', {}, 'Secret: ', h('code', {}, res.secret)), h('p', { class: 'muted' }, res.uri),
          form([{ name: 'code', label: 'code from your app' }], 'Turn on', async v => {
            const done = await api('POST', '/user/2fa/confirm', v);
            return h('div', {}, h('p', { class: 'ok' }, 'On. Keep these recovery codes:'), json(done.recoveryCodes));
          })));
      } }, 'Start enrolment'),
      form([{ name: 'code', label: 'code or recovery code' }], 'Turn off', async v => {
        await api('DELETE', '/user/2fa', v);
        return 'Two-factor login is off.';
      }, { inline: true })),
    card('Delete account',
      h('p', { class: 'muted' }, 'Removes your personal data; your posts stay under a neutral "deleted user".'),
      // An account with no password (passkeys only) proves itself by a recent sign-in instead.
      form([...(state.user && state.user.hasPassword === false ? [] : [{ name: 'password', type: 'password' }]),
        { name: 'code', label: 'two-factor code (if on)' }], 'Delete',
        async v => {
          if (!v.code) delete v.code;
          await api('DELETE', '/user', v);
          setToken(null);
          await show('Account');
        })),
  ];
}

function passwordResetCards() {
  const token = new URLSearchParams(location.search).get('token');
  if (location.pathname === '/reset-password' && token) {
    return [card('Choose a new password', form([{ name: 'password', type: 'password' }], 'Set password', async v => {
      await api('POST', '/users/password-reset/confirm', { token, password: v.password });
      history.replaceState(null, '', '/');
      return 'Done: log in with the new password.';
    }))];
  }
  return [card('Forgot your password?', form([{ name: 'email' }], 'Email me a link', async v => {
    await api('POST', '/users/password-reset', v);
    return 'If the account exists, an email is on its way.';
  }, { inline: true }))];
}

async function verifyFromLink() {
  const token = new URLSearchParams(location.search).get('token');
  if (location.pathname !== '/verify-email' || !token) return null;
  history.replaceState(null, '', '/');
  try {
    await api('POST', '/users/verification', { token });
    return card('Email verified', h('p', { class: 'ok' }, 'Thank you: your email address is verified.'));
  } catch (err) {
    return card('Email verification', h('p', { class: 'error' }, err.message));
  }
}

tab('Mailbox', async () => {
  const mine = state.user ? `?to=${encodeURIComponent(state.user.email)}` : '';
  const res = await fetch('/api/dev/mailbox' + mine);
  if (res.status === 404) return card('Mailbox', h('p', {}, 'Email goes to a real SMTP server here; there is no dev mailbox.'));
  const { messages } = await res.json();
  return card('Development mailbox' + (state.user ? ` for ${state.user.email}` : ''),
    h('p', { class: 'muted' }, 'Emails "sent" while no SMTP server is configured.'),
    messages.length ? messages.map(m => h('div', { class: 'item' },
      h('strong', {}, m.subject), ' ', h('span', { class: 'muted' }, `to ${m.to}`),
      h('pre', {}, m.text))) : h('p', { class: 'muted' }, 'No email yet.'));
});

// ---- system --------------------------------------------------------------------------------------------

tab('System', async () => {
  const health = await fetch('/actuator/health').then(r => r.json());
  const parts = [card('Health', json(health), h('p', {}, h('a', { href: '/docs' }, 'Browse the API (OpenAPI)')))];
  try {
    const status = await api('GET', '/admin/search/status');
    parts.push(card('Search index (admin)', json(status),
      form([], 'Rebuild the index', async () => json(await api('POST', '/admin/search/reindex')))));
  } catch (err) {
    parts.push(card('Search index', h('p', { class: 'muted' }, 'Log in as admin@example.com to see and rebuild the index.')));
  }
  return parts;
});

// ---- start ---------------------------------------------------------------------------------------------

window.addEventListener('DOMContentLoaded', async () => {
  const nav = document.getElementById('tabs');
  for (const t of tabs) nav.append(h('button', { onclick: () => show(t.name) }, t.name));
  await refreshUser();
  const wanted = decodeURIComponent(location.hash.slice(1));
  const path = location.pathname;
  const landing = ['/verify-email', '/reset-password', '/sign-in-link', '/not-me'].includes(path) ? 'Account'
    : path.startsWith('/orders/') || path.startsWith('/products/') ? 'Shop'
    : path.startsWith('/articles/') || path.startsWith('/profiles/') ? 'Feed' : null;
  await show(landing || (tabs.some(t => t.name === wanted) ? wanted : 'Feed'));
  // Links in notification emails open their subject (see SubjectLinks).
  const subject = decodeURIComponent(path.split('/')[2] || '');
  if (path.startsWith('/articles/') && subject) await openArticle(subject);
  if (path.startsWith('/products/') && subject) await openProduct(subject);
});
