// One spectator's link to the server (docs/PROTOCOL.md §2, §4, §9, §12): the WebSocket with
// subprotocol lancers.v5, hello, listMatches, spectate, heartbeats both ways, a silent server
// detected by its own timeout, reconnects with backoff and jitter, and the state stream with its
// resyncs. It knows nothing of the DOM: it reports through `on` callbacks.

import { ProtocolError } from './decoder.js';
import { StateStream } from './stream.js';
import { Retries } from './backoff.js';

export const SUBPROTOCOL = 'lancers.v5';
/** Before `welcome` announces the server's own timing (§9 defaults). */
const DEFAULT_INTERVAL_MS = 1000;
const DEFAULT_TIMEOUT_MS = 3000;
/** One attempt, from opening the socket to `welcome`. */
const CONNECT_TIMEOUT_MS = 5000;
const CHECK_EVERY_MS = 100;
/** Close codes after which reconnecting with the same behaviour fails again, or must not happen (§12). */
const FINAL_CLOSES = new Set([1002, 1003, 1008, 1009, 4002, 4004]);
/** The name in hello; a spectator's chat lines are shown as "Spectator" whatever it is. */
const HELLO_NAME = 'Spectator';

/** The page's own server: ws:// next to http://, wss:// next to https:// (§1). */
export function gameUrl(location) {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/game`;
}

export class Connection {
  /**
   * @param {string} url ws://HOST:PORT/game
   * @param {object} on callbacks: state(state, detail), welcome(msg), matches(list), joined(msg),
   *   message(msg) for roster/chat/notice/left/error, world(world, nowMs)
   */
  constructor(url, on) {
    this.url = url;
    this.on = on;
    this.matchId = null;
    this.stream = new StateStream(() => this.sendJson({ type: 'resync' }));
    this.socket = null;
    this.state = 'idle';
    this.retries = new Retries();
    this.connects = 0;
    this.rttMs = null;
    this.lastServerTick = 0;
    this.timer = setInterval(() => this.check(performance.now()), CHECK_EVERY_MS);
  }

  open() {
    this.retries.reset();
    this.connect();
  }

  /** Watch this match; once welcomed (now, or after any reconnect) the connection spectates it. */
  spectate(matchId) {
    this.matchId = matchId;
    if (this.state === 'lobby') {
      this.sendJson({ type: 'spectate', matchId });
    }
  }

  /** Back to the picker: leave the match and ask for the list again. */
  leave() {
    this.matchId = null;
    if (this.state === 'spectating') {
      this.sendJson({ type: 'leave' });
      // Frames still on their way are ignored from now on: a resync asked for them would reach a
      // server that is already back in the lobby (1002).
      this.setState('lobby');
    }
    this.stream.reset();
  }

  listMatches() {
    this.sendJson({ type: 'listMatches' });
  }

  chat(text) {
    this.sendJson({ type: 'chat', text });
  }

  connect() {
    this.setState(this.retries.lost ? 'reconnecting' : 'connecting');
    this.stream.reset();
    this.interval = DEFAULT_INTERVAL_MS;
    this.timeout = DEFAULT_TIMEOUT_MS;
    this.welcomed = false;
    const now = performance.now();
    this.openedAt = now;
    this.lastHeard = now;
    this.lastBeat = now;
    let socket;
    try {
      socket = new WebSocket(this.url, [SUBPROTOCOL]);
    } catch (e) {
      this.lost(`cannot open ${this.url}: ${e.message}`);
      return;
    }
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    this.connects++;
    socket.onopen = () => {
      if (socket.protocol !== SUBPROTOCOL) {
        this.final(`the server speaks ${socket.protocol || 'no subprotocol'}, not ${SUBPROTOCOL}`);
        return;
      }
      this.sendJson({ type: 'hello', name: HELLO_NAME, resumeToken: null });
    };
    socket.onmessage = (event) => this.receive(socket, event.data);
    socket.onclose = (event) => this.closed(socket, event.code, event.reason);
  }

  receive(socket, data) {
    if (socket !== this.socket) {
      return;
    }
    const now = performance.now();
    this.lastHeard = now; // any frame proves the server alive (§9)
    if (typeof data !== 'string') {
      this.receiveState(new Uint8Array(data), now);
      return;
    }
    let msg;
    try {
      msg = JSON.parse(data);
    } catch (e) {
      this.corrupt(1002, `invalid JSON from the server: ${e.message}`);
      return;
    }
    switch (msg.type) {
      case 'welcome':
        this.welcomed = true;
        this.retries.reset();
        this.interval = msg.heartbeatIntervalMs;
        this.timeout = msg.heartbeatTimeoutMs;
        this.setState('lobby');
        this.on.welcome(msg);
        if (this.matchId) {
          this.sendJson({ type: 'spectate', matchId: this.matchId });
        } else {
          this.listMatches();
        }
        break;
      case 'matchList':
        this.on.matches(msg.matches);
        break;
      case 'joined':
        this.stream.reset();
        this.setState('spectating');
        this.on.joined(msg);
        break;
      case 'left':
        this.stream.reset();
        this.setState('lobby');
        this.on.message(msg);
        if (!this.matchId || msg.matchId === this.matchId) {
          this.matchId = null;
          this.listMatches();
        }
        break;
      case 'heartbeat':
        this.lastServerTick = msg.tick;
        this.sendJson({ type: 'heartbeatAck', t: msg.t });
        break;
      case 'heartbeatAck':
        this.rttMs = Date.now() - msg.t;
        break;
      case 'error':
        if (msg.code === 'no_such_match' || msg.code === 'match_full') {
          this.matchId = null;
          this.listMatches();
        }
        this.on.message(msg);
        break;
      default:
        this.on.message(msg); // roster, chat, notice; unknown types are ignored by the UI
    }
  }

  receiveState(bytes, now) {
    if (this.state !== 'spectating') {
      return; // frames of a match just left
    }
    try {
      const world = this.stream.accept(bytes);
      if (world) {
        this.on.world(world, now);
      }
    } catch (e) {
      if (!(e instanceof ProtocolError)) {
        throw e;
      }
      this.corrupt(e.code, e.message);
    }
  }

  /** The stream broke §7: close with its code and reconnect (§8). */
  corrupt(code, reason) {
    console.error(`lancers.watch: ${reason}`);
    this.drop(code, reason);
    this.lost(`corrupt stream: ${reason}`);
  }

  /** Heartbeats out, silence in, attempts that take too long: run every 100 ms. */
  check(now) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
      if (this.socket && now - this.openedAt > CONNECT_TIMEOUT_MS) {
        this.drop(4000, 'connect timeout');
        this.lost('no answer from the server');
      }
      return;
    }
    if (!this.welcomed && now - this.openedAt > CONNECT_TIMEOUT_MS) {
      this.drop(4000, 'no welcome');
      this.lost('the server did not welcome us');
      return;
    }
    if (now - this.lastHeard > this.timeout) {
      this.drop(4000, 'heartbeat timeout');
      this.lost(`nothing heard for ${Math.round(now - this.lastHeard)} ms`);
      return;
    }
    if (now - this.lastBeat >= this.interval) {
      this.lastBeat = now;
      this.sendJson({ type: 'heartbeat', t: Date.now() });
    }
  }

  closed(socket, code, reason) {
    if (socket !== this.socket) {
      return;
    }
    this.socket = null;
    if (FINAL_CLOSES.has(code)) {
      this.final(`closed by the server: ${code} ${reason}`.trim());
    } else {
      this.lost(`closed ${code} ${reason}`.trim());
    }
  }

  /**
   * Forget the socket (it may be silent: do not wait for its close handshake). A browser may only
   * send 1000 or 3000–4999, so a protocol violation goes out as 1000 with the reason.
   */
  drop(code, reason) {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onmessage = null;
      socket.onclose = null;
      socket.close(code >= 3000 && code <= 4999 ? code : 1000, reason.slice(0, 100));
    }
  }

  /** The link is gone: try again after a backoff delay, or give up when the budget is spent. */
  lost(why) {
    const wait = this.retries.next(performance.now(), Math.random());
    if (wait === null) {
      this.setState('gone', why);
      return;
    }
    this.setState('reconnecting', `${why}; attempt ${this.retries.attempt} in ${(wait / 1000).toFixed(1)} s`);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.connect(), wait);
  }

  /** Reconnecting would fail again (§12): stop and say why. */
  final(why) {
    this.drop(1000, 'bye');
    clearTimeout(this.retry);
    this.setState('refused', why);
  }

  /** Counters for the page's read-only hook. */
  stats() {
    return { state: this.state, connects: this.connects, gaps: this.stream.gaps, resyncs: this.stream.resyncs };
  }

  sendJson(msg) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(msg));
    }
  }

  setState(state, detail = '') {
    this.state = state;
    this.on.state(state, detail);
  }
}
