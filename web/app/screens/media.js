// The media library: drop files (or pick them) and each shows its upload progress, then its
// processing progress live from the socket (videos); search by words, tag or kind; open an
// item to describe it, tag it, apply a suggestion in one click, edit it with a preview
// (crop, rotate, filter, text, watermark: the edit is a new item), see which posts use it.
import { call, currentUser } from "../api.js";
import { formatDate, h } from "../dom.js";
import { on } from "../live.js";
import { upload } from "../upload.js";

const FILTERS = ["", "grayscale", "sepia", "warm", "cool", "contrast", "brightness", "sharpen"];
// How the browser shows a filter before the media service applies it.
const CSS_FILTERS = {
  grayscale: "grayscale(1)",
  sepia: "sepia(0.8)",
  warm: "sepia(0.3) saturate(1.3)",
  cool: "hue-rotate(20deg) saturate(0.9)",
  contrast: "contrast(1.35)",
  brightness: "brightness(1.2)",
  sharpen: "contrast(1.1)",
};
const RATIOS = { "": "", "4:5": "4 / 5", "1:1": "1 / 1", "1.91:1": "1.91 / 1" };

class MediaLibrary extends HTMLElement {
  async connectedCallback() {
    this.zone = currentUser()?.timezone;
    this.rows = new Map(); // media id -> its upload row, for processing events
    this.status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    this.uploads = h("ul", { class: "uploads", "aria-label": "Uploads" });
    this.grid = h("ul", { class: "media-grid", "aria-label": "Your media" });
    this.detail = h("div");
    const picker = h("input", { id: "m-files", type: "file", multiple: true, accept: "image/*,video/*", class: "sr-only", onchange: () => this.send([...picker.files]) });
    const drop = h(
      "div",
      {
        class: "drop-zone",
        ondragover: (e) => {
          e.preventDefault();
          drop.classList.add("over");
        },
        ondragleave: () => drop.classList.remove("over"),
        ondrop: (e) => {
          e.preventDefault();
          drop.classList.remove("over");
          this.send([...e.dataTransfer.files]);
        },
      },
      h("p", {}, "Drop photos and videos here, or "),
      h("label", { for: "m-files", class: "button-like" }, "choose files"),
      picker,
    );
    this.search = h("input", { id: "m-q", type: "search", placeholder: "harbour, dawn…", oninput: () => this.later() });
    this.tag = h("input", { id: "m-tag", placeholder: "a tag", oninput: () => this.later() });
    this.kind = h("select", { id: "m-kind", onchange: () => this.load() }, [["", "Photos and videos"], ["image", "Photos"], ["video", "Videos"]].map(([v, t]) => h("option", { value: v }, t)));
    this.replaceChildren(
      h(
        "section",
        { "aria-labelledby": "media-title" },
        h("h1", { id: "media-title" }, "Media library"),
        drop,
        this.uploads,
        this.status,
        h(
          "div",
          { class: "filters" },
          h("div", { class: "filter" }, h("label", { for: "m-q" }, "Search"), this.search),
          h("div", { class: "filter" }, h("label", { for: "m-tag" }, "Tag"), this.tag),
          h("div", { class: "filter" }, h("label", { for: "m-kind" }, "Kind"), this.kind),
        ),
        this.grid,
        this.detail,
      ),
    );
    this.stops = [on("media_processing", (event) => this.processing(event)), on("resume_incomplete", () => this.load())];
    await this.load();
  }

  disconnectedCallback() {
    this.stops?.forEach((stop) => stop());
  }

  later() {
    clearTimeout(this.typing);
    this.typing = setTimeout(() => this.load(), 300);
  }

  async load() {
    const query = new URLSearchParams({ limit: "60" });
    if (this.search.value.trim()) query.set("q", this.search.value.trim());
    if (this.tag.value.trim()) query.set("tag", this.tag.value.trim());
    if (this.kind.value) query.set("kind", this.kind.value);
    try {
      const page = await call("GET", `/api/v1/media?${query}`);
      this.grid.replaceChildren(...(page.items.length ? page.items.map((item) => this.tile(item)) : [h("li", { class: "empty" }, "Nothing here yet.")]));
    } catch (err) {
      this.status.textContent = err.message;
    }
  }

  tile(item) {
    return h(
      "li",
      { class: `media-tile status-${item.status}`, "data-media-id": item.id },
      h(
        "button",
        { type: "button", class: "tile", onclick: () => this.open(item.id), "aria-label": `${item.filename}, ${item.kind}, ${item.status}` },
        item.thumbnail_url ? h("img", { src: item.thumbnail_url, alt: item.alt_text || "", width: 120, height: 120 }) : h("span", { class: "no-thumb" }, item.kind),
        h("span", { class: "name" }, item.filename),
        h("span", { class: "meta" }, item.status === "processing" ? `processing ${item.progress}%` : item.status),
      ),
    );
  }

  async send(files) {
    const chosen = files.filter(Boolean);
    if (!chosen.length) return;
    await Promise.all(
      chosen.map(async (file) => {
        const bar = h("progress", { max: 100, value: 0, "aria-label": `Uploading ${file.name}` });
        const state = h("span", { class: "meta" }, "uploading 0%");
        const row = h("li", { class: "upload" }, h("span", { class: "name" }, file.name), bar, state);
        this.uploads.append(row);
        try {
          const item = await upload(file, (percent) => {
            bar.value = percent;
            state.textContent = `uploading ${percent}%`;
          });
          bar.value = 100;
          this.rows.set(item.id, { bar, state, row });
          if (item.status === "processing") {
            bar.value = item.progress;
            bar.setAttribute("aria-label", `Processing ${file.name}`);
            state.textContent = `processing ${item.progress}%`;
          } else {
            state.textContent = item.status === "ready" ? "ready" : item.failure_reason || item.status;
          }
          row.dataset.mediaId = item.id;
          row.dataset.status = item.status;
        } catch (err) {
          row.dataset.status = "failed";
          state.textContent = err.message;
        }
      }),
    );
    await this.load();
  }

  processing(event) {
    const row = this.rows.get(event.media_id);
    if (row) {
      row.bar.value = event.progress;
      row.row.dataset.status = event.status;
      row.state.textContent = event.status === "processing" ? `processing ${event.progress}%` : event.status === "ready" ? "ready" : event.failure_reason || event.status;
    }
    if (event.status !== "processing") this.load();
  }

  // --- one item -----------------------------------------------------------------------

  async open(mediaId) {
    try {
      const [item, suggestions, usedBy] = await Promise.all([
        call("GET", `/api/v1/media/${mediaId}`),
        call("GET", `/api/v1/media/${mediaId}/suggestions`).catch(() => ({ items: [] })),
        call("GET", `/api/v1/posts?media_id=${encodeURIComponent(mediaId)}&limit=20`).catch(() => ({ items: [] })),
      ]);
      this.showItem(item, suggestions.items, usedBy.items);
    } catch (err) {
      this.status.textContent = err.message;
    }
  }

  showItem(item, suggestions, usedBy) {
    const picture = item.kind === "image" ? h("img", { src: item.cdn_url || item.thumbnail_url, alt: item.alt_text || "", class: "edit-preview" }) : h("video", { src: item.cdn_url, controls: true, class: "edit-preview", "aria-label": item.filename });
    const frame = h("div", { class: "edit-frame" }, picture);
    const description = h("input", { id: "m-description", value: item.description });
    const alt = h("input", { id: "m-alt", value: item.alt_text });
    const tags = h("input", { id: "m-tags", value: item.tags.join(", ") });
    const message = h("p", { class: "status", role: "status" });
    const save = async () => {
      try {
        await call("PUT", `/api/v1/media/${item.id}`, {
          description: description.value,
          alt_text: alt.value,
          tags: tags.value.split(/[\s,]+/).filter(Boolean),
        });
        message.textContent = "Saved";
        this.load();
      } catch (err) {
        message.textContent = err.message;
      }
    };
    const edits = item.kind === "image" ? this.editForm(item, picture, frame, message) : null;
    this.detail.replaceChildren(
      h(
        "section",
        { class: "card media-detail", "aria-labelledby": "m-detail-title" },
        h("h2", { id: "m-detail-title" }, item.filename),
        h("p", { class: "meta" }, `${item.kind} · ${item.width}×${item.height} · ${Math.round(item.size_bytes / 1024)} KB · uploaded ${formatDate(item.created_at, this.zone)}`),
        frame,
        item.warnings.map((w) => h("p", { class: "warning" }, w.message)),
        h("div", { class: "field" }, h("label", { for: "m-description" }, "Description"), description),
        h("div", { class: "field" }, h("label", { for: "m-alt" }, "Alt text"), alt),
        h("div", { class: "field" }, h("label", { for: "m-tags" }, "Tags"), tags),
        h("div", { class: "row" }, h("button", { type: "button", class: "primary", onclick: save }, "Save details"), message),
        suggestions.length
          ? h(
              "div",
              { class: "suggested-edits" },
              h("h3", {}, "Suggestions"),
              suggestions.map((s) => h("div", { class: "row" }, h("span", {}, s.message), h("button", { type: "button", onclick: () => this.apply(item, [s.operation], message) }, "Apply"))),
            )
          : null,
        edits,
        h("h3", {}, "Used by"),
        usedBy.length
          ? h("ul", { class: "used-by" }, usedBy.map((post) => h("li", {}, h("a", { href: `#/compose/${post.id}` }, post.caption ? post.caption.slice(0, 60) : "Untitled post"), ` · ${post.status}`)))
          : h("p", { class: "empty" }, "No post uses it yet."),
      ),
    );
    this.detail.querySelector("h2").scrollIntoView({ block: "start" });
  }

  editForm(item, picture, frame, message) {
    const choice = (id, label, options) =>
      h("div", { class: "filter" }, h("label", { for: id }, label), h("select", { id, onchange: () => previewEdit() }, options.map(([v, t]) => h("option", { value: v }, t))));
    const crop = choice("e-crop", "Crop", Object.keys(RATIOS).map((r) => [r, r || "As it is"]));
    const rotate = choice("e-rotate", "Rotate", [["0", "No"], ["90", "90° right"], ["180", "180°"], ["270", "90° left"]]);
    const filter = choice("e-filter", "Filter", FILTERS.map((f) => [f, f || "None"]));
    const text = h("input", { id: "e-text", maxlength: 200, oninput: () => previewEdit() });
    const caption = h("span", { class: "overlay-text" });
    const watermark = h("input", { id: "e-watermark", type: "checkbox" });
    frame.append(caption);
    const value = (wrapper) => wrapper.querySelector("select").value;
    const previewEdit = () => {
      picture.style.aspectRatio = RATIOS[value(crop)] || "";
      picture.style.objectFit = value(crop) ? "cover" : "";
      picture.style.transform = value(rotate) === "0" ? "" : `rotate(${value(rotate)}deg)`;
      picture.style.filter = CSS_FILTERS[value(filter)] || "";
      caption.textContent = text.value;
    };
    const operations = () => [
      ...(value(crop) ? [{ op: "crop", aspect_ratio: value(crop) }] : []),
      ...(value(rotate) !== "0" ? [{ op: "rotate", degrees: Number(value(rotate)) }] : []),
      ...(value(filter) ? [{ op: "filter", name: value(filter) }] : []),
      ...(text.value.trim() ? [{ op: "text", text: text.value.trim(), position: "bottom" }] : []),
      ...(watermark.checked ? [{ op: "watermark" }] : []),
    ];
    return h(
      "form",
      {
        class: "edit-form",
        onsubmit: (e) => {
          e.preventDefault();
          const ops = operations();
          if (ops.length) this.apply(item, ops, message);
          else message.textContent = "Choose an edit first";
        },
      },
      h("h3", {}, "Edit (the original stays as it is)"),
      h("div", { class: "filters" }, crop, rotate, filter, h("div", { class: "filter" }, h("label", { for: "e-text" }, "Text on the picture"), text)),
      h("div", { class: "row" }, watermark, h("label", { for: "e-watermark" }, "Add my logo (branding)")),
      h("button", { type: "submit", class: "primary" }, "Save as a new item"),
    );
  }

  async apply(item, operations, message) {
    try {
      const made = await call("POST", `/api/v1/media/${item.id}/edit`, { operations });
      message.textContent = `Saved as ${made.filename}`;
      await this.load();
      await this.open(made.id);
    } catch (err) {
      message.textContent = Object.values(err.fields ?? {})[0] || err.message;
    }
  }
}

customElements.define("pf-media", MediaLibrary);
