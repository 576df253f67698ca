// Instagram accounts: connect one with Meta's login (Instagram or Facebook), or, under
// Advanced, by pasting a token; see each one's health, make one the default, set its
// minimum gap between posts, disconnect.
import { call, currentUser } from "../api.js";
import { clearErrors, field, formatDate, h, showErrors } from "../dom.js";
import { on } from "../live.js";

const CALLBACK = "/connect/callback";
// What the last login came back with, for the accounts screen to show once.
let loginOutcome = null;

/** Meta sent the person back to /connect/callback?state=...&code=... (or error=...): hand
 * it to the API, then show the accounts screen with the outcome. */
export async function finishLogin() {
  if (location.pathname !== CALLBACK) return;
  const query = new URLSearchParams(location.search);
  history.replaceState(null, "", "/#/accounts");
  const body = {};
  for (const name of ["state", "code", "error", "error_reason", "error_code", "error_description"]) {
    if (query.get(name)) body[name] = query.get(name);
  }
  try {
    loginOutcome = { result: await call("POST", "/api/v1/accounts/logins/complete", body) };
  } catch (err) {
    loginOutcome = { error: err.message };
  }
}

const HEALTH = {
  connected: "Connected",
  expiring: "Expiring soon",
  needs_reauth: "Needs reconnecting",
  missing_permission: "Missing a permission",
};

class Accounts extends HTMLElement {
  async connectedCallback() {
    this.status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    this.alert = h("p", { class: "form-error", role: "alert" });
    this.picker = h("div");
    this.list = h("ul", { class: "accounts", "aria-label": "Connected accounts" });
    this.replaceChildren(
      h(
        "section",
        { "aria-labelledby": "accounts-title" },
        h("h1", { id: "accounts-title" }, "Instagram accounts"),
        this.status,
        this.alert,
        this.picker,
        this.list,
        this.loginButtons(),
        this.connectForm(),
      ),
    );
    this.showOutcome();
    // Health changes (a token refused, refreshed, ending) and connections made in another
    // tab show here as they happen.
    this.stopLive = on("account_changed", () => this.load());
    await this.load();
  }

  disconnectedCallback() {
    this.stopLive?.();
  }

  async startLogin(loginType) {
    this.alert.textContent = "";
    try {
      const started = await call("POST", "/api/v1/accounts/logins", { login_type: loginType });
      location.assign(started.authorize_url);
    } catch (err) {
      this.alert.textContent = err.message;
    }
  }

  showOutcome() {
    const outcome = loginOutcome;
    loginOutcome = null;
    if (!outcome) return;
    if (outcome.error) {
      this.alert.textContent = outcome.error;
      return;
    }
    const { result } = outcome;
    if (result.status === "choose") {
      this.showChoices(result);
      return;
    }
    const names = result.accounts.map((a) => `@${a.username}`).join(", ");
    this.status.textContent = `Connected ${names}`;
  }

  showChoices(result) {
    const boxes = result.choices.map((choice) =>
      h(
        "label",
        { class: "choice" },
        h("input", { type: "checkbox", name: "ig_user_id", value: choice.ig_user_id, checked: true }),
        ` @${choice.username}`,
        choice.page_name ? h("span", { class: "meta" }, ` · Page ${choice.page_name}`) : null,
      ),
    );
    const form = h(
      "form",
      {
        class: "card",
        "aria-labelledby": "choose-title",
        onsubmit: async (event) => {
          event.preventDefault();
          const picked = [...form.querySelectorAll("input:checked")].map((box) => box.value);
          try {
            const done = await call("POST", `/api/v1/accounts/logins/${result.login_id}/choose`, {
              ig_user_ids: picked,
            });
            this.picker.replaceChildren();
            this.status.textContent = `Connected ${done.accounts.map((a) => `@${a.username}`).join(", ")}`;
            await this.load();
          } catch (err) {
            this.alert.textContent = err.message;
          }
        },
      },
      h("h2", { id: "choose-title" }, "Which accounts should Postflow publish to?"),
      h("fieldset", {}, h("legend", {}, "Instagram accounts of the Pages you shared"), ...boxes),
      h("button", { type: "submit", class: "primary" }, "Connect selected"),
    );
    this.picker.replaceChildren(form);
  }

  loginButtons() {
    const start = (loginType) => () => this.startLogin(loginType);
    return h(
      "div",
      { class: "card", "aria-labelledby": "login-title" },
      h("h2", { id: "login-title" }, "Connect an account"),
      h(
        "p",
        { class: "hint" },
        "A professional (business or creator) account. Instagram asks you to log in and allow Postflow to publish; with Facebook, you pick the Pages whose Instagram accounts Postflow may use.",
      ),
      h(
        "div",
        { class: "row actions" },
        h("button", { type: "button", class: "primary", onclick: start("instagram") }, "Connect with Instagram"),
        h("button", { type: "button", onclick: start("facebook") }, "Connect with Facebook"),
      ),
    );
  }

  async load() {
    try {
      this.show(await call("GET", "/api/v1/accounts"));
    } catch (err) {
      this.status.textContent = err.message;
    }
  }

  show(accounts) {
    const zone = currentUser()?.timezone;
    this.list.replaceChildren(
      ...(accounts.length
        ? accounts.map((account) => this.item(account, zone))
        : [h("li", { class: "empty" }, "No account yet: connect one below to schedule posts.")]),
    );
  }

  item(account, zone) {
    const name = account.username ? `@${account.username}` : `Account ${account.ig_user_id}`;
    const gapId = `gap-${account.id}`;
    const gap = h("input", {
      id: gapId,
      type: "number",
      min: "0",
      max: "1440",
      step: "1",
      value: String(account.min_gap_minutes),
      onchange: () => this.update(account, { min_gap_minutes: Number(gap.value) }, `${name}: minimum gap saved`),
    });
    return h(
      "li",
      { class: "card account" },
      h("div", { class: "who" }, h("strong", {}, name), account.is_default ? h("span", { class: "badge" }, "default") : null),
      h(
        "p",
        { class: "meta" },
        `Instagram id ${account.ig_user_id} · ${account.login_type === "instagram" ? "Instagram login" : "Facebook login"}` +
          (account.page_name ? ` · Page ${account.page_name}` : "") +
          ` · connected ${formatDate(account.connected_at, zone)}` +
          (account.token_expires_at ? ` · token expires ${formatDate(account.token_expires_at, zone)}` : ""),
      ),
      h(
        "p",
        { class: `health ${account.health}` },
        HEALTH[account.health] ?? account.health,
        account.health_reason ? `: ${account.health_reason}` : "",
      ),
      h("div", { class: "row" }, h("label", { for: gapId }, "Minutes between two posts"), gap),
      h(
        "div",
        { class: "row actions" },
        account.health === "connected"
          ? null
          : h(
              "button",
              {
                type: "button",
                class: "primary",
                "aria-label": `Reconnect ${name}`,
                // The same login again: the account keeps its id, its schedule and settings.
                onclick: () => this.startLogin(account.login_type === "instagram" ? "instagram" : "facebook"),
              },
              "Reconnect",
            ),
        account.is_default
          ? null
          : h(
              "button",
              { type: "button", onclick: () => this.update(account, { is_default: true }, `${name} is now the default`) },
              "Make default",
            ),
        h(
          "button",
          {
            type: "button",
            class: "danger",
            onclick: async () => {
              if (!confirm(`Disconnect ${name}? Postflow forgets its token; its scheduled posts will not publish.`)) return;
              try {
                await call("DELETE", `/api/v1/accounts/${account.id}`);
                this.status.textContent = `${name} disconnected`;
                await this.load();
              } catch (err) {
                this.status.textContent = err.message;
              }
            },
          },
          "Disconnect",
        ),
      ),
    );
  }

  async update(account, change, done) {
    try {
      await call("PATCH", `/api/v1/accounts/${account.id}`, change);
      this.status.textContent = done;
      await this.load();
    } catch (err) {
      this.status.textContent = err.message;
    }
  }

  connectForm() {
    const general = h("p", { class: "form-error", role: "alert" });
    const [idField, igUserId] = field("Instagram account id", {
      name: "ig_user_id",
      inputmode: "numeric",
      autocomplete: "off",
      required: true,
    });
    const [tokenField, token] = field("Access token", {
      name: "access_token",
      type: "password",
      autocomplete: "off",
      required: true,
    });
    const submit = h("button", { type: "submit", class: "primary" }, "Connect account");
    const form = h(
      "form",
      {
        novalidate: true,
        "aria-labelledby": "connect-title",
        onsubmit: async (event) => {
          event.preventDefault();
          submit.disabled = true;
          try {
            const account = await call("POST", "/api/v1/accounts", {
              ig_user_id: igUserId.value.trim(),
              access_token: token.value.trim(),
            });
            form.reset();
            clearErrors(form, general);
            this.status.textContent = `Connected ${account.username ? "@" + account.username : account.ig_user_id}`;
            await this.load();
          } catch (err) {
            showErrors(form, err, general);
          } finally {
            submit.disabled = false;
          }
        },
      },
      h("h2", { id: "connect-title" }, "Paste a token"),
      h(
        "p",
        { class: "hint" },
        "For agencies with a system user's token: the account's numeric id and a token allowed to publish for it. Postflow checks the token with Instagram, then keeps it encrypted.",
      ),
      idField,
      tokenField,
      general,
      submit,
    );
    return h("details", { class: "card advanced" }, h("summary", {}, "Advanced: paste an access token"), form);
  }
}

customElements.define("pf-accounts", Accounts);
