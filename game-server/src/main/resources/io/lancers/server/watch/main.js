// The spectator page: wires the connection to the timeline, the camera, the renderer and the UI,
// and runs the frame loop (requestAnimationFrame). Order inside a frame: sample the timeline at
// now, start effects and kill-feed lines for the events reached, move the camera, draw, then the
// HUD text. `?match=m1` opens that match directly (a shareable link); `?broadcast=m1` watches the
// delayed HTTP broadcast of m1 instead of the live socket (docs/BROADCAST.md).

import { Connection, gameUrl } from './connection.js';
import { BroadcastFeed } from './broadcast.js';
import { Timeline } from './timeline.js';
import { Camera } from './camera.js';
import { Renderer, shipColor } from './renderer.js';
import { Effects } from './effects.js';
import { Ui } from './ui.js';

const SCOREBOARD_EVERY_MS = 250;

const params = new URLSearchParams(location.search);
const canvas = document.getElementById('arena');
const renderer = new Renderer(canvas);
const camera = new Camera();
const effects = new Effects();

let joined = null;
let timeline = null;
let roster = new Map();
let spectators = 0;
let lastFrame = null;
let lastScoreboard = -Infinity;
let previousNow = performance.now();
let framesDrawn = 0;

const broadcastId = params.get('broadcast');

const ui = new Ui({
  pick: (matchId) => {
    history.replaceState(null, '', `?match=${encodeURIComponent(matchId)}`);
    source.spectate(matchId);
  },
  back: () => {
    if (broadcastId) {
      location.assign(location.pathname); // the live picker
      return;
    }
    history.replaceState(null, '', location.pathname);
    leaveMatch();
    source.leave();
  },
  follow: (id) => camera.follow(id),
  chat: (text) => source.chat(text),
  retry: () => source.open(),
});

const callbacks = {
  state: (state, detail) => ui.link(state, detail),
  welcome: (msg) => ui.serverName(`${msg.serverName} · ${msg.serverVersion}`),
  matches: (matches) => {
    if (!source.matchId) {
      leaveMatch();
      ui.showPicker(matches);
    }
  },
  joined: (msg) => {
    const sameMatch = joined && joined.matchId === msg.matchId;
    joined = msg;
    timeline = new Timeline(msg.tickRate);
    effects.clear();
    if (!sameMatch) {
      camera.overview();
      ui.showMatch(msg);
    }
  },
  message: (msg) => onMessage(msg),
  world: (world, nowMs) => timeline?.push(world, nowMs),
};

/** The live socket, or the delayed broadcast over HTTP: the same callbacks either way. */
const source = broadcastId ? new BroadcastFeed(broadcastId, callbacks) : new Connection(gameUrl(location), callbacks);

function leaveMatch() {
  joined = null;
  timeline = null;
  lastFrame = null;
  roster = new Map();
}

function onMessage(msg) {
  switch (msg.type) {
    case 'roster':
      roster = new Map(msg.players.map((p) => [p.id, p]));
      spectators = msg.spectators;
      lastScoreboard = -Infinity;
      break;
    case 'chat':
      ui.chatLine(msg.from, msg.text);
      break;
    case 'notice':
      ui.notice(msg.text);
      break;
    case 'error':
      if (msg.code === 'match_full' || msg.code === 'no_such_match') {
        ui.refused(`${msg.message} (${msg.code})`); // spectate refused: back in the picker
      } else {
        ui.notice(`${msg.message} (${msg.code})`);
      }
      break;
    case 'left':
      ui.notice(`left ${msg.matchId}: ${msg.reason}`);
      break;
    default:
      break; // a later server may send more; unknown messages are ignored (§5)
  }
}

/** id → what a ship looks like: its roster name and color. */
function looks() {
  const map = new Map();
  for (const [id, p] of roster) {
    map.set(id, { name: p.name, color: shipColor(id, p.color), online: p.online });
  }
  return map;
}

function nameOf(id) {
  return roster.get(id)?.name ?? `#${id}`;
}

function frame(now) {
  requestAnimationFrame(frame);
  const dt = Math.min(0.1, (now - previousNow) / 1000);
  previousNow = now;
  if (!joined) {
    return;
  }
  const sample = timeline.sample(now);
  if (sample) {
    lastFrame = sample;
    const place = (id) => sample.ships.find((s) => s.ship.id === id);
    effects.add(sample.events, place, now);
    for (const e of sample.events) {
      if (e.kind === 'kill') {
        ui.kill(nameOf(e.killerId), nameOf(e.victimId), now);
      }
    }
  }
  const size = renderer.fit();
  const followed = lastFrame?.ships.find((s) => s.ship.id === camera.followId) ?? null;
  camera.update(joined.map, size.width, size.height, followed, dt);
  renderer.draw(joined.map, lastFrame, camera, looks(), effects, now, size);
  framesDrawn++;
  ui.timer(lastFrame?.match, lastFrame?.renderTick ?? 0, joined.tickRate, joined.rules?.mode === 'tdm');
  ui.following(camera.mode === 'follow' ? nameOf(camera.followId) : camera.mode === 'free' ? 'free camera' : '');
  ui.drawKills(now);
  if (now - lastScoreboard >= SCOREBOARD_EVERY_MS) {
    lastScoreboard = now;
    ui.scoreboard(roster, timeline.newest()?.ships ?? [], camera.followId, spectators);
  }
}

function shipIds() {
  return lastFrame ? lastFrame.ships.filter((s) => s.ship.health > 0).map((s) => s.ship.id) : [];
}

let drag = null;
canvas.addEventListener('pointerdown', (event) => {
  drag = { x: event.clientX, y: event.clientY, moved: false };
  canvas.setPointerCapture(event.pointerId);
});
canvas.addEventListener('pointermove', (event) => {
  if (!drag) {
    return;
  }
  const dx = event.clientX - drag.x;
  const dy = event.clientY - drag.y;
  if (drag.moved || Math.hypot(dx, dy) > 4) {
    drag.moved = true;
    camera.pan(dx, dy);
    drag.x = event.clientX;
    drag.y = event.clientY;
  }
});
canvas.addEventListener('pointerup', (event) => {
  if (drag && !drag.moved && lastFrame) {
    const box = canvas.getBoundingClientRect();
    const at = camera.toWorld(event.clientX - box.left, event.clientY - box.top, box.width, box.height);
    const hit = lastFrame.ships.filter((s) => s.ship.health > 0)
      .map((s) => ({ id: s.ship.id, d: Math.hypot(s.x - at.x, s.y - at.y) }))
      .sort((a, b) => a.d - b.d)[0];
    if (hit && hit.d < 40) {
      camera.follow(hit.id);
    }
  }
  drag = null;
});
canvas.addEventListener('wheel', (event) => {
  event.preventDefault();
  camera.zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15);
}, { passive: false });
window.addEventListener('keydown', (event) => {
  if (!joined || event.target instanceof HTMLInputElement) {
    return;
  }
  if (event.key === 'q' || event.key === 'Q') {
    camera.cycle(shipIds(), -1);
  } else if (event.key === 'e' || event.key === 'E') {
    camera.cycle(shipIds(), 1);
  } else if (event.key === ' ' || event.key === 'Escape') {
    event.preventDefault();
    camera.overview();
  }
});

/**
 * A read-only view for tests and the curious: the newest decoded world (or the buffered one at
 * `tick`), as tick and ship ids and positions, and the link's counters.
 */
window.lancersWatch = Object.freeze({
  worldAt(tick) {
    const buffered = timeline?.buffer.find((r) => r.world.tick === tick)?.world;
    const world = tick === undefined ? timeline?.newest() : buffered;
    return world ? { tick: world.tick, ships: world.ships.map((s) => ({ id: s.id, x: s.x, y: s.y, health: s.health })) } : null;
  },
  link: () => source.stats(),
  framesDrawn: () => framesDrawn,
});

if (params.get('match') && !broadcastId) {
  source.matchId = params.get('match');
}
source.open();
requestAnimationFrame(frame);
