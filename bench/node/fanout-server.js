// The comparison peer of `bench.jar fanout --node` (BENCHMARKS.md §3): a Node `ws` server doing the
// sends Lancers does in its fan-out, and nothing else. Every tick (60 Hz, absolute deadlines) it builds
// one state frame of the size of a 16-bot DELTA and sends that same buffer to every spectator with
// ws.send; a spectator's first frame is a SNAPSHOT header, so the load client's checks pass. It speaks
// just enough lancers.v5 for the load client: hello -> welcome, spectate -> joined (both read from the
// file the bench writes, so they are the real messages). Like the Lancers server it sends each
// connection a heartbeat {t, tick} every heartbeat interval from its hello (checked 4 times per
// interval, one frame per round and tick shared by all due), and reads the acks the spectators send
// back (parsed, then dropped). No simulation.
//
// Usage: node fanout-server.js MESSAGES_JSON FRAME_BYTES
// Prints "listening ws://127.0.0.1:PORT/game"; answers each line on stdin with a PROCESS line of its
// CPU time (process.cpuUsage, so user and kernel), and exits when stdin closes.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { WebSocketServer } from 'ws';

const [messagesFile, frameBytesArg] = process.argv.slice(2);
const { welcome, joined } = JSON.parse(readFileSync(messagesFile, 'utf8'));
const HEARTBEAT_MS = JSON.parse(welcome).heartbeatIntervalMs;
const FRAME_BYTES = Number(frameBytesArg);
const TICK_MS = 1000 / 60;
const DELTA = 0x11;
const SNAPSHOT = 0x10;

const spectators = new Set();
const heartbeating = new Set();

function forget(ws) {
  spectators.delete(ws);
  heartbeating.delete(ws);
}
const wss = new WebSocketServer({
  host: '127.0.0.1',
  port: 0,
  path: '/game',
  perMessageDeflate: false,
  handleProtocols: (protocols) => (protocols.has('lancers.v5') ? 'lancers.v5' : false),
});

wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      return;
    }
    const type = JSON.parse(data.toString()).type;
    if (type === 'hello') {
      ws.send(welcome);
      ws.nextHeartbeat = performance.now();
      ws.lastTick = 0;
      heartbeating.add(ws);
    } else if (type === 'spectate') {
      ws.send(joined);
      ws.needsSnapshot = true;
      spectators.add(ws);
    }
  });
  ws.on('close', () => forget(ws));
  ws.on('error', () => forget(ws));
});

/** A state frame: type, tick, baseTick (big-endian u32), then filler up to FRAME_BYTES. */
function frame(kind, tick, baseTick) {
  const bytes = Buffer.alloc(FRAME_BYTES);
  bytes.writeUInt8(kind, 0);
  bytes.writeUInt32BE(tick, 1);
  bytes.writeUInt32BE(baseTick, 5);
  return bytes;
}

let tick = 0;
const start = performance.now();
function onTick() {
  tick++;
  const delta = frame(DELTA, tick, tick - 1);
  let snapshot = null;
  for (const ws of spectators) {
    if (ws.needsSnapshot) {
      snapshot ??= frame(SNAPSHOT, tick, 0);
      ws.needsSnapshot = false;
      ws.send(snapshot);
    } else {
      ws.send(delta);
    }
    ws.lastTick = tick;
  }
  setTimeout(onTick, Math.max(0, start + (tick + 1) * TICK_MS - performance.now()));
}

/** The Lancers server's heartbeat rule (net/Liveness): due every interval, the rhythm kept across late polls. */
function pollHeartbeats() {
  const now = performance.now();
  const t = Math.floor(now);
  const frames = new Map();
  for (const ws of heartbeating) {
    if (now < ws.nextHeartbeat) {
      continue;
    }
    ws.nextHeartbeat += HEARTBEAT_MS;
    if (ws.nextHeartbeat <= now) {
      ws.nextHeartbeat = now + HEARTBEAT_MS;
    }
    let frame = frames.get(ws.lastTick);
    if (frame === undefined) {
      frame = Buffer.from(JSON.stringify({ type: 'heartbeat', t, tick: ws.lastTick }));
      frames.set(ws.lastTick, frame);
    }
    ws.send(frame, { binary: false });
  }
}

wss.on('listening', () => {
  console.log(`listening ws://127.0.0.1:${wss.address().port}/game`);
  setTimeout(onTick, TICK_MS);
  setInterval(pollHeartbeats, Math.max(1, Math.floor(HEARTBEAT_MS / 4)));
});

createInterface({ input: process.stdin })
  .on('line', () => {
    const { user, system } = process.cpuUsage();
    console.log('PROCESS ' + JSON.stringify({ cpuNanos: (user + system) * 1000, userNanos: user * 1000,
      systemNanos: system * 1000 }));
  })
  .on('close', () => process.exit(0));
