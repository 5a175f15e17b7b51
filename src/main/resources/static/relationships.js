// Blocks and mutes in the demo UI: block/mute buttons on profiles, posts (the author) and products (the seller),
// a mute switch on each tag of the tag list, and the "Blocked & muted" tab to undo them. Loaded after app.js,
// whose helpers (h, api, card, tab, show, state, notice, signedInOnly) it uses.
// A block hides both people from each other; a mute only quietens the muted user or tag in your feeds and search.
'use strict';

/** Block/unblock and mute/unmute buttons for a profile (as GET /api/profiles answers it), or null for oneself. */
function relationshipButtons(profile, { role = '' } = {}) {
  if (!state.user || state.user.username === profile.username) return null;
  const path = `/profiles/${encodeURIComponent(profile.username)}`;
  const who = role || profile.username;
  const block = h('button', { class: 'secondary', type: 'button' });
  const mute = h('button', { class: 'secondary', type: 'button' });
  const draw = () => {
    block.textContent = (profile.blocking ? 'Unblock ' : 'Block ') + who;
    mute.textContent = (profile.muting ? 'Unmute ' : 'Mute ') + who;
  };
  block.onclick = async () => {
    if (!profile.blocking && !confirm(`Block ${profile.username}? Neither of you will see the other's posts, `
      + 'comments or products, and follows between you end.')) return;
    Object.assign(profile, (await api(profile.blocking ? 'DELETE' : 'POST', path + '/block')).profile);
    notice(profile.blocking ? `You blocked ${profile.username}.` : `You unblocked ${profile.username}.`);
    draw();
  };
  mute.onclick = async () => {
    Object.assign(profile, (await api(profile.muting ? 'DELETE' : 'POST', path + '/mute')).profile);
    notice(profile.muting ? `${profile.username} is muted in your feeds and search.` : `${profile.username} is unmuted.`);
    draw();
  };
  draw();
  return h('span', { class: 'relationships' }, block, ' ', mute);
}

/** The same buttons for someone known only by name (a product's seller): filled in once their profile loads. */
function relationshipButtonsFor(username, options) {
  const slot = h('span');
  if (state.user && state.user.username !== username) {
    api('GET', `/profiles/${encodeURIComponent(username)}`)
      .then(({ profile }) => slot.replaceChildren(relationshipButtons(profile, options) || ''))
      .catch(() => slot.remove());
  }
  return slot;
}

// ---- muted tags ----------------------------------------------------------------------------------------

const mutedTags = { token: null, names: null };

/** The signed-in user's muted tags, read once per sign-in. */
async function loadMutedTags() {
  if (mutedTags.token !== state.token || !mutedTags.names) {
    const { tags } = await api('GET', '/user/mutes?limit=100');
    Object.assign(mutedTags, { token: state.token, names: new Set(tags) });
  }
  return mutedTags.names;
}

/** A tag of the tag list, with a switch to mute it (signed in only). */
function tagChip(tag) {
  if (!state.user) return h('span', {}, tag);
  const toggle = h('button', { class: 'link', type: 'button', title: `Mute or unmute "${tag}" in your feeds and search` });
  const draw = muted => { toggle.textContent = muted ? ' (unmute)' : ' (mute)'; };
  loadMutedTags().then(names => draw(names.has(tag))).catch(() => toggle.remove());
  toggle.onclick = async () => {
    const names = await loadMutedTags();
    const muted = names.has(tag);
    await api(muted ? 'DELETE' : 'POST', `/tags/${encodeURIComponent(tag)}/mute`);
    if (muted) names.delete(tag); else names.add(tag);
    draw(!muted);
  };
  return h('span', {}, tag, toggle);
}

// ---- the tab -------------------------------------------------------------------------------------------

tab('Blocked & muted', async () => {
  if (!state.user) return signedInOnly();
  const [{ profiles: blocked }, { profiles: muted, tags }] = await Promise.all([
    api('GET', '/user/blocks?limit=100'), api('GET', '/user/mutes?limit=100')]);
  const undo = (label, method, path) => h('button', { class: 'secondary', type: 'button', onclick: async () => {
    await api(method, path);
    mutedTags.names = null;
    await show('Blocked & muted');
  } }, label);
  const person = (p, what) => h('div', { class: 'item' }, avatar(p), ' ', h('strong', {}, p.username), ' ',
    undo(what === 'block' ? 'Unblock' : 'Unmute', 'DELETE', `/profiles/${encodeURIComponent(p.username)}/${what}`));
  const none = text => h('p', { class: 'muted' }, text);
  return [
    card('Blocked people', blocked.length ? blocked.map(p => person(p, 'block')) : none('Nobody.')),
    card('Muted people', muted.length ? muted.map(p => person(p, 'mute')) : none('Nobody.')),
    card('Muted tags', tags.length ? tags.map(t => h('div', { class: 'item' }, t, ' ',
      undo('Unmute', 'DELETE', `/tags/${encodeURIComponent(t)}/mute`))) : none('None.'))];
});
