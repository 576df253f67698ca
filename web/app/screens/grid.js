// The profile grid: an account's scheduled and planned posts in the order Instagram will
// show them, above the profile's latest published posts, at Instagram's 3:4. Dropping a
// tile on another swaps the two posts' times (the calendar's move of both, all or nothing);
// Alt+Left/Right does the same from the keyboard. A picture not at 3:4 says what the grid
// cuts off.
import { call } from "../api.js";
import { h } from "../dom.js";
import { on } from "../live.js";
import { STATUS_WORDS } from "../vocabulary.js";
import { whyNot } from "./calendar.js";

const TILE_RATIO = 3 / 4;
const MOVABLE = new Set(["scheduled", "planned"]);
const STATE_WORDS = { planned: "Planned", published: "Published" };

/** What the 3:4 tile cuts from a picture of `width` x `height`, in words (empty: nothing). */
export function cropOf(width, height) {
  if (!width || !height) return "";
  const ratio = width / height;
  if (Math.abs(ratio - TILE_RATIO) < 0.01) return "";
  const cut = ratio > TILE_RATIO ? (1 - TILE_RATIO / ratio) / 2 : (1 - ratio / TILE_RATIO) / 2;
  const percent = Math.round(cut * 100);
  return ratio > TILE_RATIO ? `Sides cropped ${percent}% each` : `Top and bottom cropped ${percent}% each`;
}

class Grid extends HTMLElement {
  async connectedCallback() {
    this.status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    this.picker = h("select", { "aria-label": "Account", onchange: () => this.load() });
    this.replaceChildren(h("h1", {}, "Grid"), h("div", { class: "toolbar" }, this.picker), this.status, h("p", { class: "loading" }, "Loading…"));
    const later = () => {
      clearTimeout(this.reloading);
      this.reloading = setTimeout(() => this.load(), 300);
    };
    this.stops = [on("post_status_update", later), on("schedule_changed", later)];
    try {
      const accounts = await call("GET", "/api/v1/accounts");
      if (!accounts.length) {
        this.replaceChildren(h("h1", {}, "Grid"), h("p", {}, "Connect an Instagram account to see its grid."), h("a", { href: "#/accounts" }, "Accounts"));
        return;
      }
      const first = accounts.find((a) => a.is_default) ?? accounts[0];
      this.picker.replaceChildren(...accounts.map((a) => h("option", { value: a.id, selected: a.id === first.id }, `@${a.username}`)));
      await this.load();
    } catch (err) {
      this.status.textContent = err.message;
    }
  }

  disconnectedCallback() {
    this.stops?.forEach((stop) => stop());
  }

  async load() {
    try {
      this.grid = await call("GET", `/api/v1/accounts/${encodeURIComponent(this.picker.value)}/grid?published=12`);
    } catch (err) {
      this.status.textContent = err.message;
      return;
    }
    const { tiles, instagram_unavailable: unavailable } = this.grid;
    this.replaceChildren(
      h("h1", {}, "Grid"),
      h("div", { class: "toolbar" }, this.picker),
      this.status,
      unavailable ? h("p", { class: "warning", role: "alert" }, unavailable) : null,
      h("p", { id: "grid-keys", class: "hint" }, "Drag a planned or scheduled post onto another to swap their times, or press Alt+Left or Alt+Right on it."),
      tiles.length
        ? h("ol", { class: "profile-grid", "aria-label": "Profile grid, newest first" }, tiles.map((tile, i) => this.tile(tile, i)))
        : h("p", {}, "Nothing is planned or published on this account yet."),
    );
  }

  tile(tile, index) {
    const movable = MOVABLE.has(tile.state);
    const when = tile.local_time.slice(0, 16).replace("T", " ");
    const words = STATE_WORDS[tile.state] ?? STATUS_WORDS[tile.state] ?? tile.state;
    const crop = h("span", { class: "crop" });
    const picture = tile.image_url
      ? h("img", {
          src: tile.image_url,
          alt: "",
          loading: "lazy",
          draggable: "false",
          onload: (event) => {
            crop.textContent = cropOf(event.target.naturalWidth, event.target.naturalHeight);
            item.dataset.crop = crop.textContent;
          },
          onerror: (event) => event.target.remove(),
        })
      : h("span", { class: "no-picture" }, tile.post_type);
    const item = h(
      "li",
      {
        class: `grid-tile state-${tile.state}`,
        tabindex: "0",
        draggable: movable ? "true" : "false",
        "aria-label": `${words} ${tile.post_type}, ${when}: ${tile.caption_preview || "no caption"}`,
        "aria-describedby": movable ? "grid-keys" : undefined,
        "data-post-id": tile.post_id ?? "",
        "data-state": tile.state,
        ondragstart: (event) => {
          event.dataTransfer.setData("text/plain", String(index));
          event.dataTransfer.effectAllowed = "move";
          this.dragging = tile;
        },
        ondragend: () => (this.dragging = null),
        ondragenter: (event) => this.dragging && event.preventDefault(),
        ondragover: (event) => {
          if (!this.dragging) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = "move";
        },
        ondrop: (event) => {
          if (!this.dragging || this.dragging === tile) return;
          event.preventDefault();
          this.swap(this.dragging, tile);
        },
        onkeydown: (event) => {
          if (event.key === "Enter" && tile.post_id) location.hash = `#/compose/${tile.post_id}`;
          if (!event.altKey || !["ArrowLeft", "ArrowRight"].includes(event.key)) return;
          event.preventDefault();
          const other = this.grid.tiles[index + (event.key === "ArrowLeft" ? -1 : 1)];
          if (movable && other) this.swap(tile, other);
        },
      },
      picture,
      h("span", { class: "badge" }, words),
      h("span", { class: "when" }, when),
      crop,
    );
    return item;
  }

  async swap(first, second) {
    if (!MOVABLE.has(first.state)) {
      this.status.textContent = "Only scheduled posts and planned drafts move.";
      return;
    }
    try {
      await call("POST", "/api/v1/calendar/reschedule", {
        // Each at the other's instant, in its own zone.
        moves: [
          { post_id: first.post_id, scheduled_time: second.at, timezone: first.post_timezone ?? "" },
          { post_id: second.post_id ?? second.instagram_media_id, scheduled_time: first.at, timezone: second.post_timezone ?? "" },
        ],
      });
      this.status.textContent = `Swapped: ${first.caption_preview || "a post"} now goes out ${second.local_time.slice(0, 16).replace("T", " ")}.`;
      await this.load();
      this.querySelector(`[data-post-id="${first.post_id}"]`)?.focus();
    } catch (err) {
      this.status.textContent = `Not swapped: ${whyNot(err)}`;
    }
  }
}

customElements.define("pf-grid", Grid);
