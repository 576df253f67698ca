// The tab's one WebSocket to Postflow: every screen listens here for its kind of event
// (publishing progress, status changes, media processing, notifications).
//
// The token goes as a subprotocol, never in the address (addresses end up in logs). A
// dropped socket reconnects with the last event id it saw, so the realtime service sends
// what was missed first: nothing is lost and nothing comes twice. When the gap is older
// than the stream keeps, listeners are told to reload their state over REST.
import { accessToken, currentUser, currentWorkspace, onSession, onWorkspace, refresh, switchWorkspace } from "./api.js";

const listeners = new Map(); // type -> Set of functions; "*" hears every event
let socket = null;
let lastEventId = null;
let retry = 0;
let timer = null;
let wanted = false;
const stateWatchers = new Set();
let state = "offline";

function setState(next) {
  state = next;
  stateWatchers.forEach((watch) => watch(next));
}

/** Calls `watch("live" | "connecting" | "offline")` as the socket's state changes. */
export function onConnection(watch) {
  stateWatchers.add(watch);
  watch(state);
  return () => stateWatchers.delete(watch);
}

/** Calls `listener(event)` for each event of `type` ("*": all); returns the unsubscribe. */
export function on(type, listener) {
  if (!listeners.has(type)) listeners.set(type, new Set());
  listeners.get(type).add(listener);
  return () => listeners.get(type).delete(listener);
}

function emit(event) {
  for (const type of [event.type, "*"]) listeners.get(type)?.forEach((listener) => listener(event));
}

function open() {
  clearTimeout(timer);
  const user = currentUser();
  const token = accessToken();
  if (!wanted || !user || !token) return;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const query = lastEventId === null ? "" : `?last_event_id=${encodeURIComponent(lastEventId)}`;
  setState("connecting");
  // The workspace's events (the person's own id: their personal workspace).
  const ws = new WebSocket(`${scheme}://${location.host}/ws/posts/${encodeURIComponent(currentWorkspace())}${query}`, ["bearer", token]);
  socket = ws;
  ws.onmessage = (message) => {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch {
      return;
    }
    if (event.type === "connected") {
      retry = 0;
      if (lastEventId === null) lastEventId = event.last_event_id;
      setState("live");
      emit(event);
      return;
    }
    if (event.type === "heartbeat" || event.type === "pong") return;
    if (event.event_id !== undefined) lastEventId = event.event_id;
    emit(event);
  };
  ws.onclose = async (close) => {
    if (socket !== ws) return;
    socket = null;
    setState(wanted ? "connecting" : "offline");
    if (!wanted) return;
    if (close.code === 4401) {
      // The token expired while connected: a fresh one first.
      try {
        await refresh();
      } catch {
        return; // signed out
      }
    }
    if (close.code === 1008) lastEventId = null; // a resume point the service refused
    if (close.code === 4403) {
      // No longer a member of this workspace: back to the person's own.
      switchWorkspace(currentUser()?.id);
      return;
    }
    retry = Math.min(retry + 1, 6);
    const delay = Math.min(30_000, 500 * 2 ** (retry - 1)) * (0.75 + Math.random() / 2);
    timer = setTimeout(open, delay);
  };
}

let hooked = false;

/** Connects (once signed in) and keeps the socket up until sign-out. */
export function start() {
  if (!hooked) {
    hooked = true;
    onSession((user) => (user ? start() : stop()));
    // Another workspace: its own stream, from its own start.
    onWorkspace(() => {
      if (!wanted) return;
      stop();
      start();
    });
    // Back online, or back to the tab after the laptop slept: reconnect now, not later.
    window.addEventListener("online", () => wanted && !socket && open());
    document.addEventListener("visibilitychange", () => wanted && document.visibilityState === "visible" && !socket && open());
  }
  wanted = true;
  if (!socket) open();
}

export function stop() {
  wanted = false;
  clearTimeout(timer);
  lastEventId = null;
  const ws = socket;
  socket = null;
  ws?.close(1000);
  setState("offline");
}

/** For tests and the status line: drop the socket as a network failure would. */
export function dropForTest() {
  socket?.close(4000);
}

export const lastSeen = () => lastEventId;
