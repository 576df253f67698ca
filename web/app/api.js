// The app's one client of Postflow's public REST API.
//
// The access token lives in this module's memory only; the refresh token in an HttpOnly
// cookie that no script can read (X-Postflow-Client: web asks the API for that), so a
// script injected into the page could not carry a session away. A 401 refreshes once.

const CLIENT = { "X-Postflow-Client": "web" };

let session = null; // { token, expiresAt, user }
let refreshing = null;
const watchers = new Set();
// The workspace the app acts in (its id; the person's own id is their personal one), kept
// per person in this browser.
let workspace = null;
const workspaceWatchers = new Set();

export class ApiError extends Error {
  constructor(status, body) {
    const error = body?.error ?? {};
    super(error.message || `The request failed (${status})`);
    this.status = status;
    this.code = error.code || "";
    // field -> message, for the forms to show beside each field.
    this.fields = Object.fromEntries((error.fields ?? []).map((f) => [f.field, f.message]));
  }
}

async function send(method, path, body, token, { keepalive = false } = {}) {
  const headers = { ...CLIENT };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  if (token && workspace && workspace !== session?.user?.id) headers["X-Postflow-Workspace"] = workspace;
  let reply;
  try {
    reply = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      keepalive,
    });
  } catch {
    throw new ApiError(0, { error: { message: "Postflow cannot be reached. Check your connection." } });
  }
  const data = reply.status === 204 ? null : await reply.json().catch(() => null);
  if (!reply.ok) throw new ApiError(reply.status, data);
  return data;
}

function signedIn(result) {
  const before = session?.user?.id;
  session = {
    token: result.access_token,
    expiresAt: Date.now() + result.expires_in * 1000,
    user: result.user,
  };
  // A refreshed token is the same session: the screens are not redrawn for it.
  if (before !== session.user.id) {
    workspace = localStorage.getItem(`pf-workspace:${session.user.id}`) || session.user.id;
    watchers.forEach((watch) => watch(session.user));
  }
  return session.user;
}

function signedOut() {
  session = null;
  document.cookie = `${MARKER}=; max-age=0; path=/; samesite=strict`;
  watchers.forEach((watch) => watch(null));
}

/** Calls `watch(user or null)` whenever a session starts (another user's) or ends. */
export function onSession(watch) {
  watchers.add(watch);
  return () => watchers.delete(watch);
}

export const currentUser = () => session?.user ?? null;

/** The workspace the app acts in: its id (the person's own id for their personal one). */
export const currentWorkspace = () => workspace ?? session?.user?.id ?? null;

/** Act in another workspace from now on: every screen and the live socket follow. */
export function switchWorkspace(id) {
  if (!session || id === currentWorkspace()) return;
  workspace = id;
  localStorage.setItem(`pf-workspace:${session.user.id}`, id);
  workspaceWatchers.forEach((watch) => watch(id));
}

/** Calls `watch(workspaceId)` whenever the app switches workspace. */
export function onWorkspace(watch) {
  workspaceWatchers.add(watch);
  return () => workspaceWatchers.delete(watch);
}

/** A page that needs no sign-in (a client's review link): plain calls, no session. */
export const publicCall = (method, path, body) => send(method, path, body, null);
export const accessToken = () => session?.token ?? null;

export async function register(email, password, name, timezone) {
  return signedIn(await send("POST", "/api/v1/auth/register", { email, password, name, timezone }));
}

export async function signIn(email, password) {
  return signedIn(await send("POST", "/api/v1/auth/login", { email, password }));
}

/** A reset link by email, if the address has an account (the answer is the same either way). */
export function requestPasswordReset(email) {
  return send("POST", "/api/v1/auth/password-reset", { email });
}

/** A new password with the token of a reset link (every session of the account ends). */
export function resetPassword(token, newPassword) {
  return send("POST", "/api/v1/auth/password-reset/confirm", { token, new_password: newPassword });
}

/** A new access token from the cookie (at start, and before the current one expires). */
export function refresh() {
  refreshing ??= send("POST", "/api/v1/auth/refresh", {})
    .then(signedIn)
    .catch((err) => {
      if (err.status === 401) signedOut();
      throw err;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

const MARKER = "postflow_signed_in";
const hasSession = () => document.cookie.split("; ").includes(`${MARKER}=1`);

/** The session the cookie still holds, if any (a reload keeps the user signed in). A
 * visitor who never signed in (no marker beside the HttpOnly cookie) is not sent a refresh
 * bound to fail. */
export async function resume() {
  if (!hasSession()) return null;
  try {
    return await refresh();
  } catch {
    return null;
  }
}

export async function signOut() {
  try {
    if (session) await send("POST", "/api/v1/auth/logout", undefined, session.token);
  } finally {
    signedOut();
  }
}

/** A signed-in call: the token refreshed first when it is about to expire, and once more
 * when the API says it no longer holds. */
export async function call(method, path, body, options = {}) {
  if (!session) throw new ApiError(401, { error: { message: "Sign in first." } });
  if (session.expiresAt - Date.now() < 30_000) await refresh();
  try {
    return await send(method, path, body, session.token, options);
  } catch (err) {
    if (err.status !== 401) throw err;
    await refresh();
    return send(method, path, body, session.token, options);
  }
}

/** A token good for a while yet (refreshed first when it is about to expire), for requests
 * made without `call`: an upload's XMLHttpRequest. */
export async function freshToken(margin = 60_000) {
  if (!session) throw new ApiError(401, { error: { message: "Sign in first." } });
  if (session.expiresAt - Date.now() < margin) await refresh();
  return session.token;
}

/** The same call, carried to its end by the browser even as the tab closes (an auto-save). */
export const callAsTabCloses = (method, path, body) => call(method, path, body, { keepalive: true });

/** A signed-in GET whose answer is a file (a CSV export): saved under `filename`. */
export async function download(path, filename) {
  if (!session) throw new ApiError(401, { error: { message: "Sign in first." } });
  if (session.expiresAt - Date.now() < 30_000) await refresh();
  const headers = { ...CLIENT, Authorization: `Bearer ${session.token}` };
  if (workspace && workspace !== session.user.id) headers["X-Postflow-Workspace"] = workspace;
  const reply = await fetch(path, { headers, credentials: "same-origin" });
  if (!reply.ok) throw new ApiError(reply.status, await reply.json().catch(() => null));
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await reply.blob());
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
