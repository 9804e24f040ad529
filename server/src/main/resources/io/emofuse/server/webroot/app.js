// emofuse demo: streams 16 kHz s16le PCM to /v1/stream from the microphone or a WAV file and shows
// partial/final transcripts and a V/A/D plot per utterance. No build step, no dependencies.
'use strict';

const RATE = 16000;
const CHUNK = RATE / 10; // 100 ms per message

const SCALE = [1, 5]; // the shipped model's V/A/D label scale; fixed so one utterance is not stretched
const $ = (id) => document.getElementById(id);
const status = (s) => { $('status').textContent = s; };
/** Errors look like errors: a red alert box, not the status line. */
const showError = (s) => { $('error').textContent = s; $('error').hidden = false; };
const clearError = () => { $('error').hidden = true; $('error').textContent = ''; };
const utterances = []; // {end, v, a, d}
let session = null;

function streamUrl() {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const key = $('apikey').value.trim();
  return `${proto}//${location.host}/v1/stream` + (key ? `?access_token=${encodeURIComponent(key)}` : '');
}

/** Opens a stream; resolves once the socket is open. */
function openStream() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(streamUrl());
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => { ws.send(JSON.stringify({ type: 'config', sample_rate: RATE })); resolve(ws); };
    ws.onerror = () => reject(new Error('cannot connect to the stream endpoint'));
    ws.onmessage = (ev) => onMessage(JSON.parse(ev.data));
    ws.onclose = (ev) => {
      if (ev.code === 1000) {
        status('done');
      } else {
        status('stream closed');
        if ($('error').hidden) showError(`The stream closed with code ${ev.code}${ev.reason ? ` (${ev.reason})` : ''}.`);
      }
      $('record').disabled = false;
      $('stop').disabled = true;
      $('partial').textContent = '';
      session = null;
    };
  });
}

function onMessage(m) {
  if (m.type === 'partial') {
    $('partial').textContent = m.text;
  } else if (m.type === 'final') {
    $('partial').textContent = '';
    const li = document.createElement('li');
    li.textContent = m.text;
    if (m.emotion) {
      const e = document.createElement('span');
      e.className = 'emo';
      e.textContent = (m.emotion.category ? `${m.emotion.category} · ` : '')
        + `V ${m.emotion.valence.toFixed(2)} · A ${m.emotion.arousal.toFixed(2)} · D ${m.emotion.dominance.toFixed(2)}`;
      li.appendChild(e);
      utterances.push({ end: m.end, v: m.emotion.valence, a: m.emotion.arousal, d: m.emotion.dominance });
      showNow(m.emotion);
      draw();
    }
    $('transcript').appendChild(li);
  } else if (m.type === 'emotion' && m.emotion) {
    status(`interim emotion ${m.start.toFixed(1)}–${m.end.toFixed(1)} s: V ${m.emotion.valence.toFixed(2)}`);
  } else if (m.type === 'error') {
    showError(`Error from the server (${m.error}): ${m.detail}`);
  }
}

/** The latest utterance: its category large with its probability, and V/A/D bars on 1-5. */
function showNow(e) {
  $('category').textContent = e.category || '—';
  const p = e.category && e.probabilities ? e.probabilities[e.category] : undefined;
  $('confidence').textContent = p === undefined ? 'no category from this model' : `${Math.round(p * 100)} % probability`;
  for (const [key, value] of [['v', e.valence], ['a', e.arousal], ['d', e.dominance]]) {
    const f = Math.max(0, Math.min(1, (value - SCALE[0]) / (SCALE[1] - SCALE[0])));
    $(`bar-${key}`).style.width = `${(f * 100).toFixed(1)}%`;
    $(`val-${key}`).textContent = value.toFixed(2);
  }
}

/** Timeline: x = when each utterance ended (s), y = the fixed 1-5 scale, both axes labelled. */
function draw() {
  const c = $('plot');
  const g = c.getContext('2d');
  g.clearRect(0, 0, c.width, c.height);
  const left = 44, right = 14, top = 12, bottom = 40;
  const w = c.width - left - right, h = c.height - top - bottom;
  const tMax = Math.max(1, ...utterances.map((u) => u.end)) * 1.05;
  const x = (t) => left + (t / tMax) * w;
  const y = (v) => top + h - ((Math.max(SCALE[0], Math.min(SCALE[1], v)) - SCALE[0]) / (SCALE[1] - SCALE[0])) * h;
  g.font = '11px sans-serif';
  g.strokeStyle = '#e4e4e4';
  g.fillStyle = '#666';
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  for (let v = SCALE[0]; v <= SCALE[1]; v++) {
    g.beginPath(); g.moveTo(left, y(v)); g.lineTo(left + w, y(v)); g.stroke();
    g.fillText(String(v), left - 6, y(v));
  }
  const step = tMax > 60 ? 10 : tMax > 20 ? 5 : tMax > 8 ? 2 : 1;
  g.textAlign = 'center';
  g.textBaseline = 'top';
  for (let t = 0; t <= tMax; t += step) {
    g.beginPath(); g.moveTo(x(t), top + h); g.lineTo(x(t), top + h + 4); g.strokeStyle = '#999'; g.stroke();
    g.fillText(`${t}`, x(t), top + h + 6);
  }
  g.fillText('time in the stream (s), one point per utterance, at its end', left + w / 2, top + h + 22);
  g.save();
  g.translate(11, top + h / 2);
  g.rotate(-Math.PI / 2);
  g.textBaseline = 'middle';
  g.fillText('rating (1-5)', 0, 0);
  g.restore();
  g.strokeStyle = '#999';
  g.strokeRect(left, top, w, h);
  if (utterances.length === 0) return;
  for (const [key, color] of [['v', '#d33'], ['a', '#393'], ['d', '#36c']]) {
    g.strokeStyle = color;
    g.fillStyle = color;
    g.lineWidth = 2;
    g.beginPath();
    utterances.forEach((u, i) => (i ? g.lineTo(x(u.end), y(u[key])) : g.moveTo(x(u.end), y(u[key]))));
    g.stroke();
    utterances.forEach((u) => { g.beginPath(); g.arc(x(u.end), y(u[key]), 4, 0, 2 * Math.PI); g.fill(); });
    g.lineWidth = 1;
  }
}

/** Float samples in [-1, 1] to s16le. */
function toPcm16(f32) {
  const out = new Int16Array(f32.length);
  for (let i = 0; i < f32.length; i++) {
    const s = Math.max(-1, Math.min(1, f32[i]));
    out[i] = s < 0 ? s * 0x8000 : s * 0x7fff;
  }
  return out.buffer;
}

/** Decodes a file to 16 kHz mono with the browser's own decoder and resampler. */
async function decode16k(file) {
  const bytes = await file.arrayBuffer();
  const ctx = new OfflineAudioContext(1, RATE, RATE);
  const buf = await ctx.decodeAudioData(bytes);
  const mono = new Float32Array(buf.length);
  for (let ch = 0; ch < buf.numberOfChannels; ch++) {
    const data = buf.getChannelData(ch);
    for (let i = 0; i < data.length; i++) mono[i] += data[i] / buf.numberOfChannels;
  }
  return mono;
}

/** Sends a file at real-time pace (the server refuses much faster than real time), then eof. */
async function streamFile(file) {
  if (session) return;
  let samples;
  try {
    samples = await decode16k(file);
  } catch (e) {
    showError(`Cannot decode ${file.name}: ${e.message || e}. Choose a WAV (or another format this browser plays).`);
    status('idle');
    return;
  }
  clearError();
  status(`streaming ${file.name} (${(samples.length / RATE).toFixed(1)} s)…`);
  const ws = await openStream().catch((e) => { showError(e.message); return null; });
  if (!ws) return;
  session = { ws };
  $('record').disabled = true;
  const t0 = performance.now();
  for (let off = 0; off < samples.length && ws.readyState === WebSocket.OPEN; off += CHUNK) {
    ws.send(toPcm16(samples.subarray(off, off + CHUNK)));
    const due = t0 + ((off + CHUNK) / RATE) * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
  }
  if (ws.readyState === WebSocket.OPEN) {
    ws.send(JSON.stringify({ type: 'eof' }));
    status(`sent ${file.name}; waiting for the last result…`);
  }
}

async function record() {
  if (session) return;
  let media;
  try {
    media = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true } });
  } catch (e) {
    showError(`No microphone: ${e.message || e}`);
    return;
  }
  clearError();
  const ws = await openStream().catch((e) => { showError(e.message); return null; });
  if (!ws) { media.getTracks().forEach((t) => t.stop()); return; }
  // The AudioContext at 16 kHz makes the browser resample the microphone for us.
  const ctx = new AudioContext({ sampleRate: RATE });
  const src = ctx.createMediaStreamSource(media);
  const proc = ctx.createScriptProcessor(4096, 1, 1);
  proc.onaudioprocess = (ev) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(toPcm16(ev.inputBuffer.getChannelData(0)));
  };
  src.connect(proc);
  proc.connect(ctx.destination);
  session = {
    ws,
    stop: () => {
      proc.disconnect(); src.disconnect(); ctx.close();
      media.getTracks().forEach((t) => t.stop());
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'eof' }));
    },
  };
  $('record').disabled = true;
  $('stop').disabled = false;
  status('recording… press Stop to finish');
}

$('record').addEventListener('click', record);
$('stop').addEventListener('click', () => { if (session && session.stop) session.stop(); });
$('file').addEventListener('change', (e) => { if (e.target.files.length) streamFile(e.target.files[0]); });
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  if (e.dataTransfer.files.length) streamFile(e.dataTransfer.files[0]);
});

draw(); // the empty, labelled axes

fetch('/ready').then((r) => r.json()).then((r) => {
  $('models').textContent = r.ready ? `models: ${r.models.map((m) => m.name).join(', ')}` : 'models loading…';
  $('noemotion').hidden = !!r.emotion_model;
}).catch(() => { $('models').textContent = ''; });
