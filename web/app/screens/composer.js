// The composer: write a post with live counters against Instagram's limits, hashtag
// suggestions, media from the library (or a public URL), and an Instagram-like preview.
// Typing is auto-saved (PUT .../autosave) a moment after it stops and as the tab closes;
// opening the post again resumes the auto-saved draft. "Save version" makes it a version;
// the history shows each version's changes and restores one. Then schedule it at one of
// the best times (with their scores) or at any time, or publish it now.
import { call, callAsTabCloses, currentUser } from "../api.js";
import { count, hashtagList, LIMITS } from "../composer/counters.js";
import { itemContent, mediaDetails } from "../composer/media-details.js";
import { optionsPanel } from "../composer/options.js";
import { preview } from "../composer/preview.js";
import { liveStatus } from "../composer/live-status.js";
import { recurrencePanel } from "../composer/recurrence.js";
import { preflightPanel } from "../composer/preflight.js";
import { reminderPanel } from "../composer/reminder.js";
import { reviewPanel } from "../composer/review.js";
import { versionsPanel } from "../composer/versions.js";
import { on } from "../live.js";
import { upload } from "../upload.js";
import { POST_TYPES } from "../vocabulary.js";
import { addDays, dayLabel, todayIn, wallClock } from "../dates.js";
import { clearErrors, formatDate, h, showErrors } from "../dom.js";

const AUTOSAVE_AFTER_MS = 1200;
const EDITABLE = new Set(["draft", "scheduled", "failed"]);

function ago(since) {
  const seconds = Math.max(0, Math.round((Date.now() - since) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  return `${Math.round(seconds / 60)} min ago`;
}

class Composer extends HTMLElement {
  async connectedCallback() {
    this.zone = currentUser()?.timezone || "UTC";
    this.postId = location.hash.split("?")[0].split("/")[2] || null;
    this.post = null;
    this.media = []; // [{ media_id?, url?, src, kind, alt }]
    this.library = new Map();
    this.savedAt = null;
    this.dirty = false;
    this.build();
    this.ticker = setInterval(() => this.showSaved(), 1000);
    this.flushOnHide = () => {
      if (document.visibilityState === "hidden") this.autosave({ closing: true });
    };
    document.addEventListener("visibilitychange", this.flushOnHide);
    window.addEventListener("pagehide", this.flushOnHide);
    // A connect, reconnect or disconnect (on the accounts screen, in this tab or another)
    // redraws what depends on the accounts: the Schedule panel and the preview.
    this.stopAccounts = on("account_changed", () => this.accountsChanged());
    // Its reminder went out, or its pre-flight ran: what the panels show is read again.
    const reread = async (event) => {
      if (!this.post || event.post_id !== this.post.id) return;
      this.post = await call("GET", `/api/v1/posts/${this.post.id}`);
      this.showReminder();
      this.preflight?.render();
    };
    this.stopNotes = [on("reminder", reread), on("preflight", reread)];
    await Promise.all([this.loadLibrary(), this.loadAccounts()]);
    if (this.postId) await this.open(this.postId);
    else this.renderSchedule(); // drawn by build() before the accounts arrived
    this.refresh();
  }

  async accountsChanged() {
    await this.loadAccounts();
    // What the person was typing in the Schedule panel survives the redraw.
    const when = this.querySelector("#s-when")?.value;
    const picked = this.querySelector("#s-account")?.value;
    this.renderSchedule();
    const whenInput = this.querySelector("#s-when");
    if (when && whenInput) whenInput.value = when;
    const select = this.querySelector("#s-account");
    if (picked && select && this.accounts.some((a) => a.id === picked)) select.value = picked;
    this.refresh();
  }

  disconnectedCallback() {
    this.stopAccounts?.();
    this.stopNotes?.forEach((stop) => stop());
    this.live?.stop();
    clearInterval(this.ticker);
    clearTimeout(this.pending);
    document.removeEventListener("visibilitychange", this.flushOnHide);
    window.removeEventListener("pagehide", this.flushOnHide);
    if (this.dirty) this.autosave({ closing: true });
  }

  build() {
    const input = () => this.changed();
    this.heading = h("h1", { id: "composer-title" }, this.postId ? "Edit post" : "New post");
    this.savedLine = h("p", { class: "saved", role: "status", "aria-live": "off" });
    this.general = h("p", { class: "form-error", role: "alert" });
    const retyped = () => {
      this.renderChosen();
      this.changed();
    };
    this.typeSelect = h("select", { id: "c-type", name: "post_type", onchange: retyped }, POST_TYPES.map((t) => h("option", { value: t }, t)));
    this.options = optionsPanel({ changed: input });
    this.caption = h("textarea", { id: "c-caption", name: "caption", rows: 7, maxlength: 5000, "aria-describedby": "c-counters c-caption-error", oninput: input });
    this.hashtags = h("input", { id: "c-hashtags", name: "hashtags", autocomplete: "off", "aria-describedby": "c-hashtags-error", oninput: input, placeholder: "harbour, sunrise" });
    this.tags = h("input", { id: "c-tags", name: "tags", autocomplete: "off", "aria-describedby": "c-tags-error", oninput: input, placeholder: "spring-campaign" });
    this.counters = h("p", { id: "c-counters", class: "counters", "aria-live": "polite" });
    this.suggestions = h("div", { class: "suggestions", "aria-label": "Hashtag suggestions", role: "group" });
    this.chosen = h("ol", { class: "chosen-media", "aria-label": "Media in this post" });
    this.libraryList = h("ul", { class: "library-picker", "aria-label": "Your media library" });
    this.urlInput = h("input", { id: "c-url", type: "url", placeholder: "https://…/photo.jpg" });
    this.previewBox = h("div", { class: "preview-box" });
    this.form = h(
      "form",
      { class: "card composer-form", novalidate: true, onsubmit: (e) => { e.preventDefault(); this.saveVersion(); } },
      h("div", { class: "field" }, h("label", { for: "c-type" }, "Type"), this.typeSelect, h("p", { class: "field-error", id: "c-type-error" })),
      h(
        "div",
        { class: "field" },
        h("label", { for: "c-caption" }, "Caption"),
        this.caption,
        this.counters,
        h("p", { class: "field-error", id: "c-caption-error", role: "alert" }),
      ),
      h(
        "div",
        { class: "field" },
        h("label", { for: "c-hashtags" }, "Hashtags"),
        this.hashtags,
        h("p", { class: "field-error", id: "c-hashtags-error", role: "alert" }),
        this.groupPicker(),
        this.suggestions,
      ),
      h("div", { class: "field" }, h("label", { for: "c-tags" }, "Your labels"), this.tags, h("p", { class: "field-error", id: "c-tags-error", role: "alert" })),
      h(
        "fieldset",
        { class: "media-field", name: "media", id: "c-media" },
        h("legend", {}, "Media"),
        this.chosen,
        h("p", { class: "field-error", id: "c-media-error", role: "alert" }),
        h("p", { class: "hint" }, "Pick from your library (in order; a carousel takes 2 to 10), upload, or add a public URL."),
        this.libraryList,
        this.uploadRow(),
        h(
          "div",
          { class: "row" },
          h("label", { for: "c-url" }, "Media URL"),
          this.urlInput,
          h("button", { type: "button", onclick: () => this.addUrl() }, "Add"),
        ),
      ),
      this.options.element,
      this.general,
      h("div", { class: "row actions" }, h("button", { type: "submit", class: "primary" }, "Save version"), this.savedLine),
    );
    this.scheduleBox = h("section", { class: "card", "aria-labelledby": "schedule-title" });
    this.liveBox = h("div");
    this.repeatBox = h("div");
    this.historyBox = h("div");
    this.reviewBox = h("div");
    this.preflightBox = h("div");
    this.reminderBox = h("div");
    this.replaceChildren(
      h(
        "div",
        { class: "composer" },
        h("div", { class: "composer-main" }, this.heading, this.liveBox, this.form, this.reminderBox, this.scheduleBox, this.preflightBox, this.reviewBox, this.repeatBox, this.historyBox),
        h("aside", { class: "composer-preview", "aria-label": "Instagram preview" }, h("h2", {}, "Preview"), this.previewBox),
      ),
    );
    this.renderChosen();
    this.renderSchedule();
  }

  // --- loading ------------------------------------------------------------------------

  /** A hashtag group's whole set, added to the hashtags in one pick. */
  groupPicker() {
    const picker = h("select", {
      id: "c-hashtag-group",
      "aria-label": "Insert a hashtag group",
      onchange: () => {
        const group = this.groups?.find((g) => g.id === picker.value);
        picker.value = "";
        if (!group) return;
        const list = hashtagList(this.hashtags.value);
        const have = new Set(list.map((t) => t.toLowerCase()));
        list.push(...group.hashtags.filter((t) => !have.has(t.toLowerCase())));
        this.hashtags.value = list.join(", ");
        this.changed();
      },
    }, h("option", { value: "" }, "Insert a hashtag group…"));
    call("GET", "/api/v1/hashtag-groups")
      .then(({ items }) => {
        this.groups = items;
        picker.append(...items.map((g) => h("option", { value: g.id }, `${g.name} (${g.hashtags.length})`)));
      })
      .catch(() => picker.remove());
    return picker;
  }

  async loadLibrary() {
    try {
      const page = await call("GET", "/api/v1/media?limit=60");
      for (const item of page.items) this.library.set(item.id, item);
      this.renderChosen();
      this.libraryList.replaceChildren(
        ...(page.items.length
          ? page.items.filter((m) => m.status === "ready").map((item) =>
              h(
                "li",
                {},
                h(
                  "button",
                  { type: "button", class: "pick", "aria-label": `Add ${item.filename}`, onclick: () => this.addLibrary(item) },
                  item.thumbnail_url ? h("img", { src: item.thumbnail_url, alt: "", width: 56, height: 56 }) : null,
                  h("span", {}, item.filename),
                ),
              ),
            )
          : [h("li", { class: "empty" }, "Your library is empty.")]),
      );
    } catch {
      this.libraryList.replaceChildren(h("li", { class: "empty" }, "The library could not be read."));
    }
  }

  async loadAccounts() {
    try {
      this.accounts = await call("GET", "/api/v1/accounts");
    } catch {
      this.accounts = [];
    }
  }

  async open(postId) {
    try {
      const post = await call("GET", `/api/v1/posts/${postId}`);
      let content = post;
      if (post.autosaved_at) {
        const draft = await call("GET", `/api/v1/posts/${postId}/autosave`);
        content = { ...post, ...draft };
        this.uncommitted = true;
        this.savedAt = new Date(draft.saved_at).getTime();
        this.general.textContent = "";
        this.resumed = h(
          "p",
          { class: "resumed", role: "status" },
          `Resumed your auto-saved draft from ${formatDate(draft.saved_at, this.zone)}. `,
          h("button", { type: "button", class: "link", onclick: () => this.discardDraft() }, "Discard it"),
        );
        this.form.prepend(this.resumed);
      }
      this.post = post;
      this.fill(content);
      await this.showPanels();
    } catch (err) {
      this.general.textContent = err.message;
    }
  }

  fill(content) {
    this.typeSelect.value = content.post_type || "photo";
    this.caption.value = content.caption || "";
    this.hashtags.value = (content.hashtags || []).join(", ");
    this.tags.value = (content.tags || []).join(", ");
    this.media = (content.media || []).map((m) => this.mediaEntry(m));
    this.options.fill(content.options || {});
    this.renderChosen();
    this.refresh();
  }

  /** An item as the composer keeps it; alt_text and user_tags are the post's own. */
  mediaEntry(m) {
    const item = m.media_id ? this.library.get(m.media_id) : null;
    const own = { alt_text: m.alt_text ?? undefined, user_tags: (m.user_tags || []).map((t) => ({ ...t })) };
    return item
      ? { media_id: item.id, src: item.cdn_url || item.thumbnail_url, kind: item.kind, alt: item.alt_text, name: item.filename, ...own }
      : { url: m.url, src: m.url, kind: "", alt: "", name: m.url || m.media_id, ...own };
  }

  /** The chosen media with their details, drawn again when the media or the type change
   * (not on every key: a redraw would take the focus from the alt text being typed). */
  renderChosen() {
    const postType = this.typeSelect.value;
    this.chosen.replaceChildren(
      ...this.media.map((m, i) =>
        h(
          "li",
          {},
          h("span", {}, `${i + 1}. ${m.name}`),
          h("button", { type: "button", class: "link", "aria-label": `Remove ${m.name}`, onclick: () => this.removeMedia(i) }, "Remove"),
          mediaDetails(m, i, postType, { changed: () => this.changed() }),
        ),
      ),
    );
    const pictures = [...this.library.values()].filter((item) => item.kind === "image" && item.status === "ready");
    this.options.showFor(postType, pictures);
  }

  // --- editing ------------------------------------------------------------------------

  content() {
    return {
      post_type: this.typeSelect.value,
      caption: this.caption.value,
      hashtags: hashtagList(this.hashtags.value),
      tags: hashtagList(this.tags.value),
      media: this.media.map((m) => itemContent(m, this.typeSelect.value)),
      options: this.options.value(this.typeSelect.value),
    };
  }

  changed() {
    this.dirty = true;
    this.refresh();
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.autosave(), AUTOSAVE_AFTER_MS);
    clearTimeout(this.suggesting);
    this.suggesting = setTimeout(() => this.suggest(), 500);
  }

  refresh() {
    const content = this.content();
    const counted = count(content.caption, content.hashtags);
    const over = (n, limit) => (n > limit ? " over" : "");
    this.counters.replaceChildren(
      h("span", { class: `counter${over(counted.caption, LIMITS.caption)}` }, `${counted.caption} / ${LIMITS.caption} characters`),
      h("span", { class: `counter${over(counted.hashtags, LIMITS.hashtags)}` }, `${counted.hashtags} / ${LIMITS.hashtags} hashtags`),
      h("span", { class: `counter${over(counted.mentions, LIMITS.mentions)}` }, `${counted.mentions} / ${LIMITS.mentions} mentions`),
    );
    const account = this.accounts?.find((a) => a.id === this.post?.account_id) ?? this.accounts?.find((a) => a.is_default) ?? this.accounts?.[0];
    this.previewBox.replaceChildren(
      preview({
        postType: content.post_type,
        caption: content.caption,
        hashtags: content.hashtags,
        media: this.media,
        username: account?.username || "your_account",
        options: content.options,
      }),
    );
  }

  uploadRow() {
    const progress = h("progress", { max: 100, value: 0, hidden: true, "aria-label": "Upload progress" });
    const state = h("span", { class: "meta", role: "status" });
    const input = h("input", {
      id: "c-upload",
      type: "file",
      accept: "image/*,video/*",
      multiple: true,
      class: "sr-only",
      onchange: async () => {
        for (const file of input.files) {
          progress.hidden = false;
          try {
            const item = await upload(file, (percent) => {
              progress.value = percent;
              state.textContent = `Uploading ${file.name}: ${percent}%`;
            });
            this.library.set(item.id, item);
            this.media.push(this.mediaEntry({ media_id: item.id }));
            this.renderChosen();
            state.textContent = item.status === "processing" ? `${file.name} added; the video is being made ready` : `${file.name} added`;
            this.changed();
          } catch (err) {
            state.textContent = err.message;
          }
        }
        input.value = "";
        progress.hidden = true;
      },
    });
    return h("div", { class: "row" }, h("label", { for: "c-upload", class: "button-like" }, "Upload from this device"), input, progress, state);
  }

  addLibrary(item) {
    this.media.push(this.mediaEntry({ media_id: item.id }));
    this.renderChosen();
    this.changed();
  }

  addUrl() {
    const url = this.urlInput.value.trim();
    if (!url) return;
    this.media.push(this.mediaEntry({ url }));
    this.urlInput.value = "";
    this.renderChosen();
    this.changed();
  }

  removeMedia(index) {
    this.media.splice(index, 1);
    this.renderChosen();
    this.changed();
  }

  async suggest() {
    const query = new URLSearchParams({ caption: this.caption.value.slice(0, 5000), limit: "8" });
    hashtagList(this.hashtags.value).slice(0, 30).forEach((t) => query.append("hashtag", t));
    try {
      const found = await call("GET", `/api/v1/hashtags/suggest?${query}`);
      const warnings = found.warnings.map((w) => h("p", { class: "warning" }, w.message));
      const chips = found.suggestions.map((s) =>
        h(
          "button",
          {
            type: "button",
            class: "chip",
            title: s.reason,
            onclick: () => {
              const list = hashtagList(this.hashtags.value);
              list.push(s.hashtag);
              this.hashtags.value = list.join(", ");
              this.changed();
            },
          },
          `#${s.hashtag.replace(/^#/, "")}`,
        ),
      );
      this.suggestions.replaceChildren(...warnings, ...(chips.length ? [h("span", { class: "hint" }, "Suggested: "), ...chips] : []));
    } catch {
      // Suggestions are a help, not a step: without them the composer works the same.
    }
  }

  // --- saving -------------------------------------------------------------------------

  /** The post exists once there is something to keep: created as a draft at the first save. */
  /** Whether this call created it. Content not valid yet (over a limit, a URL half typed)
   * still makes the post: it starts empty and what was typed goes to its auto-save, which
   * keeps work in progress as it is; saving it as a version says what to fix. */
  async ensurePost() {
    if (this.post) return false;
    let created;
    try {
      created = await call("POST", "/api/v1/posts", this.content());
    } catch (err) {
      if (err.status !== 422) throw err;
      created = await call("POST", "/api/v1/posts", { post_type: this.typeSelect.value });
      await call("PUT", `/api/v1/posts/${created.id}/autosave`, this.content());
      this.uncommitted = true;
    }
    this.post = created;
    this.postId = created.id;
    history.replaceState(null, "", `#/compose/${created.id}`);
    this.heading.textContent = "Edit post";
    await this.showPanels();
    return true;
  }

  async autosave({ closing = false } = {}) {
    if (!this.dirty) return;
    clearTimeout(this.pending);
    this.dirty = false;
    try {
      if (!this.post) {
        if (closing) return; // nothing to attach it to yet, and no time left to create one
        await this.ensurePost();
      } else {
        const send = closing ? callAsTabCloses : call;
        await send("PUT", `/api/v1/posts/${this.post.id}/autosave`, this.content());
        this.uncommitted = true;
      }
      this.savedAt = Date.now();
      this.showSaved();
    } catch (err) {
      this.dirty = true;
      if (!closing) this.savedLine.textContent = `Not saved: ${err.message}`;
    }
  }

  /** The panels of a post that exists: its history, its schedule. */
  async showPanels() {
    this.history = versionsPanel(this.post.id, {
      current: () => this.post.version,
      restored: (result) => {
        this.post = result;
        this.fill(result);
        this.uncommitted = false; // a restore is a saved version, and ends the draft
        this.resumed?.remove();
        this.savedAt = Date.now();
      },
    });
    this.historyBox.replaceChildren(this.history.panel);
    await this.history.load();
    this.renderSchedule();
  }

  showSaved() {
    if (this.savedAt) this.savedLine.textContent = `Saved ${ago(this.savedAt)}`;
  }

  async saveVersion() {
    clearErrors(this.form, this.general);
    try {
      // A post just made from valid content is its version 1 already.
      if (!(await this.ensurePost()) || this.uncommitted) {
        clearTimeout(this.pending);
        this.dirty = false;
        await call("PUT", `/api/v1/posts/${this.post.id}/autosave`, this.content());
        this.post = await call("POST", `/api/v1/posts/${this.post.id}/autosave/commit`);
        await this.history.load();
      }
      this.resumed?.remove();
      this.uncommitted = false;
      this.savedAt = Date.now();
      this.savedLine.textContent = `Saved as version ${this.post.version}`;
      return true;
    } catch (err) {
      showErrors(this.form, err, this.general);
      return false;
    }
  }

  async discardDraft() {
    await call("DELETE", `/api/v1/posts/${this.post.id}/autosave`);
    this.resumed?.remove();
    this.uncommitted = false;
    this.post = await call("GET", `/api/v1/posts/${this.post.id}`);
    this.fill(this.post);
    this.dirty = false;
  }

  // --- scheduling ---------------------------------------------------------------------

  /** The publishing panel, once the post is on its way (or has been). */
  showLive() {
    if (!this.post || this.post.status === "draft" || this.live) return;
    this.live = liveStatus(this.post.id, {
      changed: async () => {
        this.post = await call("GET", `/api/v1/posts/${this.post.id}`);
        this.renderSchedule();
      },
    });
    this.liveBox.replaceChildren(this.live.panel);
    this.live.load();
  }

  /** Its review (approval of this exact version) and its comments. */
  showReview() {
    if (!this.post) return;
    if (!this.review) {
      this.review = reviewPanel(() => this.post, {
        changed: async () => {
          this.post = await call("GET", `/api/v1/posts/${this.post.id}`);
          this.renderSchedule();
        },
      });
      this.reviewBox.replaceChildren(this.review.panel);
    }
    this.review.render();
  }

  /** Repeating: for a post that is still a draft (each occurrence publishes a copy of it). */
  showRepeat() {
    if (!this.post || this.post.status !== "draft" || this.repeat) return;
    this.repeat = recurrencePanel(this.post.id, {
      zone: this.zone,
      accountId: () => this.scheduleBox.querySelector("#s-account")?.value || "",
    });
    this.repeatBox.replaceChildren(this.repeat.panel);
    this.repeat.load().catch(() => this.repeatBox.replaceChildren());
  }

  showPreflight() {
    if (!this.post) return;
    if (!this.preflight) {
      this.preflight = preflightPanel(() => this.post, {
        changed: async () => {
          this.post = await call("GET", `/api/v1/posts/${this.post.id}`);
          this.preflight.render();
        },
      });
      this.preflightBox.replaceChildren(this.preflight.panel);
    }
    this.preflight.render();
  }

  showReminder() {
    if (!this.post) return;
    if (!this.reminder) {
      this.reminder = reminderPanel(() => this.post, {
        changed: async () => {
          this.post = await call("GET", `/api/v1/posts/${this.post.id}`);
          this.renderSchedule();
        },
      });
      this.reminderBox.replaceChildren(this.reminder.panel);
    }
    this.reminder.render();
  }

  renderSchedule() {
    this.showLive();
    this.showReminder();
    this.showRepeat();
    this.showReview();
    this.showPreflight();
    const scheduled = this.post?.status === "scheduled";
    const when = h("input", { id: "s-when", name: "scheduled_time", type: "datetime-local", "aria-describedby": "s-when-error" });
    if (this.post?.scheduled_local) when.value = this.post.scheduled_local.slice(0, 16);
    const accounts = this.accounts ?? [];
    const account = h(
      "select",
      { id: "s-account", name: "account_id" },
      accounts.map((a) => h("option", { value: a.id, selected: a.id === this.post?.account_id || (!this.post?.account_id && a.is_default) }, a.username ? `@${a.username}` : a.ig_user_id)),
    );
    const best = h("ul", { class: "best-times", "aria-label": "Best times" });
    const error = h("p", { class: "form-error", role: "alert" });
    const done = h("p", { class: "status", role: "status" });
    const form = h(
      "form",
      { novalidate: true, onsubmit: (e) => { e.preventDefault(); this.schedule(form, when.value, account.value, error, done); } },
      h("div", { class: "field" }, h("label", { for: "s-account" }, "Instagram account"), account, h("p", { class: "field-error", id: "s-account-error" })),
      h("div", { class: "field" }, h("label", { for: "s-when" }, `Publish at (${this.zone})`), when, h("p", { class: "field-error", id: "s-when-error", role: "alert" })),
      h(
        "div",
        { class: "row" },
        h("button", { type: "button", onclick: () => this.bestTimes(best, when, account.value, error) }, "Suggest best times"),
      ),
      best,
      error,
      h(
        "div",
        { class: "row actions" },
        h("button", { type: "submit", class: "primary" }, scheduled ? "Move" : "Schedule"),
        h("button", { type: "button", onclick: () => this.schedule(form, "now", account.value, error, done) }, "Publish now"),
      ),
      done,
    );
    const status = this.post && this.post.status !== "draft"
      ? h("p", { class: "meta" }, `Status: ${this.post.status}${this.post.scheduled_local ? ` for ${dayLabel(this.post.scheduled_local.slice(0, 10))} ${this.post.scheduled_local.slice(11, 16)}` : ""}`)
      : null;
    this.scheduleBox.replaceChildren(
      h("h2", { id: "schedule-title" }, "Schedule"),
      ...(status ? [status] : []),
      !this.post || EDITABLE.has(this.post.status)
        ? accounts.length
          ? form
          : h("p", {}, "Connect an Instagram account first: ", h("a", { href: "#/accounts" }, "Accounts"), ".")
        : h(
            "div",
            {},
            h("p", { class: "hint" }, "It is on its way to Instagram, or there already. A copy can be scheduled again."),
            h("button", { type: "button", onclick: () => this.copy() }, "Make a copy"),
          ),
    );
    const locked = Boolean(this.post && !EDITABLE.has(this.post.status));
    this.form.querySelectorAll("input, textarea, select, button").forEach((e) => (e.disabled = locked));
  }

  async copy() {
    const copied = await call("POST", `/api/v1/posts/${this.post.id}/duplicate`);
    location.hash = `#/compose/${copied.id}`;
  }

  async bestTimes(list, when, accountId, error) {
    error.textContent = "";
    const today = todayIn(this.zone);
    try {
      const found = await call("POST", "/api/v1/posts/schedule/optimal", {
        start_date: today,
        end_date: addDays(today, 6),
        count: 5,
        account_id: accountId,
        timezone: this.zone,
        post_type: this.typeSelect.value,
      });
      list.replaceChildren(
        ...found.times.map((time) => {
          const [day, clock] = wallClock(time.scheduled_time);
          return h(
            "li",
            {},
            h(
              "button",
              { type: "button", class: "best-time", title: time.explanation, "data-time": `${day}T${clock}`, onclick: () => (when.value = `${day}T${clock}`) },
              `${dayLabel(day)} ${clock}`,
              h("span", { class: "score" }, ` · score ${Math.round(time.score * 100)}`),
            ),
          );
        }),
      );
    } catch (err) {
      error.textContent = err.message;
    }
  }

  async schedule(form, when, accountId, error, done) {
    clearErrors(form, error);
    done.textContent = "";
    if (when !== "now" && !when) {
      showErrors(form, { fields: { scheduled_time: "Pick a day and time, or a suggested one" } }, error);
      return;
    }
    if (when === "now" && !confirm("Publish this post on Instagram now?")) return;
    // What is published is the saved version: typing not yet saved as one is saved first.
    if ((this.dirty || !this.post || this.uncommitted) && !(await this.saveVersion())) return;
    if (this.post.options?.publish_myself) {
      await this.plan(form, when, error);
      return;
    }
    const body = {
      scheduled_time: when === "now" ? new Date().toISOString() : when,
      timezone: this.zone,
      account_id: accountId,
    };
    try {
      const method = this.post.status === "scheduled" ? "PUT" : "POST";
      const result = await call(method, `/api/v1/posts/${this.post.id}/schedule`, body);
      this.post = await call("GET", `/api/v1/posts/${this.post.id}`);
      this.renderSchedule();
      const [day, clock] = wallClock(result.local_time);
      this.scheduleBox.append(
        h(
          "p",
          { class: "status", role: "status" },
          when === "now" ? "Publishing now" : `Scheduled for ${dayLabel(day)} ${clock} · audience score ${Math.round(result.optimal_score * 100)}`,
        ),
      );
    } catch (err) {
      showErrors(form, err, error);
    }
  }
}

/** A post published by hand is planned, not scheduled: its reminder comes at that time. */
Composer.prototype.plan = async function plan(form, when, error) {
  const at = when === "now" ? new Date().toISOString() : when;
  try {
    await call("PUT", `/api/v1/posts/${this.post.id}`, { version: this.post.version, scheduled_for: at, timezone: this.zone });
    this.post = await call("GET", `/api/v1/posts/${this.post.id}`);
    this.renderSchedule();
    const [day, clock] = wallClock(this.post.scheduled_local);
    this.scheduleBox.append(h("p", { class: "status", role: "status" }, `Planned for ${dayLabel(day)} ${clock}: you get a reminder then`));
  } catch (err) {
    showErrors(form, err, error);
  }
};

customElements.define("pf-composer", Composer);
