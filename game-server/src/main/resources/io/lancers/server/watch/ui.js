// The page around the canvas: the match picker, link state, SPECTATING badge, timer, scoreboard,
// kill feed and chat. Text from the server only ever goes in through textContent, never as markup.

import { shipColor } from './renderer.js';

const KILLFEED_LINES = 5;
const KILLFEED_MS = 8000;
const CHAT_LINES = 100;
const LINK_TEXT = {
  idle: '', connecting: 'connecting…', lobby: 'connected', spectating: 'live',
  reconnecting: 'reconnecting…', gone: 'server gone', refused: 'disconnected', buffering: 'buffering…',
};

const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

export class Ui {
  /** @param handlers { pick(matchId), back(), follow(id), chat(text), retry() } */
  constructor(handlers) {
    this.handlers = handlers;
    this.kills = [];
    this.chatting = false;
    $('back').addEventListener('click', () => handlers.back());
    $('retry').addEventListener('click', () => handlers.retry());
    $('chat-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.submitChat();
    });
  }

  /** The link's state: a word in the header, a banner while it is not live. */
  link(state, detail) {
    const link = $('link');
    link.dataset.state = state;
    link.textContent = state === 'spectating' && this.delayed ? 'delayed' : LINK_TEXT[state] ?? state;
    link.title = detail;
    const banner = $('banner');
    const show = state === 'reconnecting' || state === 'gone' || state === 'refused';
    banner.hidden = !show;
    banner.dataset.state = state;
    $('retry').hidden = state === 'reconnecting';
    $('banner-text').textContent = state === 'reconnecting' ? `Reconnecting… (${detail})`
      : state === 'gone' ? `The server is gone: no answer for a minute (${detail}).`
        : `Disconnected: ${detail}`;
  }

  /** A refusal (match full, gone): said in the picker, where the viewer is sent back to, and in the chat. */
  refused(text) {
    $('picker-note').textContent = text;
    $('picker-note').hidden = false;
    this.notice(text);
  }

  serverName(name) {
    $('server-name').textContent = name;
  }

  showPicker(matches) {
    $('picker').hidden = false;
    $('match').hidden = true;
    $('badge').hidden = true;
    $('match-title').textContent = '';
    const body = $('matches').tBodies[0];
    body.replaceChildren(...matches.map((m) => {
      const row = el('tr');
      row.dataset.matchId = m.id;
      row.append(el('td', m.id), el('td', m.mapName), el('td', m.phase), el('td', `${m.players} / ${m.maxPlayers}`),
        el('td', String(m.bots)), el('td', String(m.spectators)));
      const cell = el('td');
      const watch = el('button', 'Watch');
      watch.addEventListener('click', () => {
        $('picker-note').hidden = true;
        this.handlers.pick(m.id);
      });
      cell.append(watch);
      row.append(cell);
      return row;
    }));
    $('no-matches').textContent = 'No matches on this server right now.';
    $('no-matches').hidden = matches.length > 0;
  }

  showMatch(joined) {
    $('picker').hidden = true;
    $('match').hidden = false;
    $('badge').hidden = false;
    this.delayed = joined.role === 'broadcast';
    $('badge').textContent = joined.role === 'broadcast' ? `SPECTATING · ${joined.delaySeconds} s delay` : 'SPECTATING';
    $('chat-form').hidden = joined.role === 'broadcast'; // a broadcast is one-way
    $('match-title').textContent = `${joined.matchId} · ${joined.map.name}`;
    $('chat').replaceChildren();
    $('killfeed').replaceChildren();
    this.kills = [];
  }

  /** The clock, and in a team match (`teams`) the match's team score (§7.4). */
  timer(match, tick, tickRate, teams) {
    if (!match) {
      $('timer').textContent = '';
      return;
    }
    const seconds = Math.max(0, Math.ceil((match.phaseEndTick - tick) / tickRate));
    const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    const score = teams ? ` · RED ${match.teamScores.red} : ${match.teamScores.blue} BLUE` : '';
    $('timer').textContent = (match.phase === 'intermission' ? `next round in ${clock}` : `round ${match.round} · ${clock}`)
      + score;
  }

  following(name) {
    $('follow').textContent = name ? `following ${name}` : 'whole arena';
  }

  /** Rows by kills, then fewest deaths; the followed ship highlighted. */
  scoreboard(roster, ships, followId, spectators) {
    const byId = new Map(ships.map((s) => [s.id, s]));
    const rows = [...roster.values()].map((p) => ({ p, s: byId.get(p.id) }))
      .sort((a, b) => (b.s?.kills ?? 0) - (a.s?.kills ?? 0) || (a.s?.deaths ?? 0) - (b.s?.deaths ?? 0) || a.p.id - b.p.id);
    $('scoreboard').tBodies[0].replaceChildren(...rows.map(({ p, s }) => {
      const row = el('tr', undefined, [p.id === followId ? 'followed' : '', p.online ? '' : 'offline'].join(' ').trim());
      row.dataset.shipId = p.id;
      const swatch = el('span', undefined, 'swatch');
      swatch.style.background = shipColor(p.id, p.color);
      const dot = el('td');
      dot.append(swatch);
      const name = el('td', undefined, 'name');
      name.append(el('span', p.name, 'player'));
      name.title = p.name;
      row.append(dot, name, el('td', String(s?.kills ?? 0)), el('td', String(s?.deaths ?? 0)),
        el('td', s ? String(s.health) : '–'), el('td', p.bot ? 'bot' : `${p.pingMs} ms`, p.bot ? 'dim' : ''));
      row.addEventListener('click', () => this.handlers.follow(p.id));
      return row;
    }));
    $('spectators').textContent = `${spectators} watching`;
  }

  kill(killer, victim, nowMs) {
    this.kills.push({ text: killer === victim ? `${victim} crashed` : `${killer} ⟶ ${victim}`, at: nowMs });
    this.kills = this.kills.slice(-KILLFEED_LINES);
    this.drawKills(nowMs);
  }

  drawKills(nowMs) {
    const fresh = this.kills.filter((k) => nowMs - k.at < KILLFEED_MS);
    if (fresh.length !== this.kills.length || fresh.length !== $('killfeed').children.length) {
      this.kills = fresh;
      $('killfeed').replaceChildren(...fresh.map((k) => el('li', k.text)));
    }
  }

  chatLine(from, text) {
    this.appendChat(el('li'), from, text);
  }

  notice(text) {
    this.appendChat(el('li', text, 'notice'));
  }

  appendChat(line, from, text) {
    if (from !== undefined) {
      line.append(el('b', `${from}: `), document.createTextNode(text));
    }
    const chat = $('chat');
    chat.append(line);
    while (chat.children.length > CHAT_LINES) {
      chat.firstChild.remove();
    }
    chat.scrollTop = chat.scrollHeight;
  }

  /**
   * Read-only until the viewer chooses to chat; then each submit sends one line. The server shows
   * every spectator's line as "Spectator" (protocol: chat.fromId 0), so there is no name to pick.
   */
  submitChat() {
    if (!this.chatting) {
      this.chatting = true;
      $('chat-text').hidden = false;
      $('chat-send').textContent = 'Send';
      $('chat-text').focus();
      return;
    }
    const text = $('chat-text').value.trim();
    if (text.length > 0) {
      this.handlers.chat(text);
      $('chat-text').value = '';
    }
  }
}
