// What Instagram is asked besides the media and the caption: the first comment, a location,
// collaborators, and a reel's cover (a frame or a library picture), audio name, share to
// feed and trial. Each field shows only for the kinds of post Instagram takes it on (as
// lib/instagram/publish_options.py says; the API names the field when one is refused).
import { h } from "../dom.js";

const FEED = ["photo", "carousel", "reel", "video"];
const REELS = ["reel", "video"];
export const MAX_COLLABORATORS = 3;

function field(id, label, input, hint) {
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    input,
    hint ? h("p", { class: "hint" }, hint) : null,
    h("p", { class: "field-error", id: `${id}-error`, role: "alert" }),
  );
}

const names = (text) =>
  text
    .split(/[\s,]+/)
    .map((n) => n.replace(/^@/, "").trim().toLowerCase())
    .filter(Boolean);

/** The panel; `changed()` is called on every edit. */
export function optionsPanel({ changed }) {
  const input = (id, attrs, kinds) => h("input", { id, "data-for": kinds.join(" "), oninput: changed, ...attrs });
  const firstComment = h("textarea", {
    id: "o-first-comment",
    name: "options.first_comment",
    rows: 2,
    maxlength: 2200,
    "data-for": FEED.join(" "),
    oninput: changed,
  });
  const locationName = input("o-location-name", { name: "options.location_name", maxlength: 200, placeholder: "Lisbon, Portugal" }, FEED);
  const locationId = input("o-location-id", { name: "options.location_id", inputmode: "numeric", pattern: "[0-9]*", placeholder: "110843418940484" }, FEED);
  const collaborators = input("o-collaborators", { name: "options.collaborators", autocomplete: "off", placeholder: "studio_two, ana.lima" }, FEED);
  const shareToFeed = h("input", { id: "o-share-to-feed", name: "options.share_to_feed", type: "checkbox", checked: true, onchange: changed });
  const cover = h("select", { id: "o-cover", name: "options.cover", "data-for": REELS.join(" "), onchange: changed });
  const frame = input("o-frame", { name: "options.thumb_offset_ms", type: "range", min: 0, max: 60, step: 0.5, value: 0, "aria-label": "Cover frame, seconds from the start" }, REELS);
  const frameShown = h("output", { for: "o-frame" }, "");
  const useFrame = h("input", { id: "o-use-frame", type: "checkbox", onchange: changed });
  const audioName = input("o-audio-name", { name: "options.audio_name", maxlength: 100, placeholder: "Original audio" }, REELS);
  const trial = h(
    "select",
    { id: "o-trial", name: "options.trial", "data-for": REELS.join(" "), onchange: changed },
    h("option", { value: "" }, "No: show it to followers"),
    h("option", { value: "manual" }, "Trial, I share it to followers myself"),
    h("option", { value: "ss_performance" }, "Trial, shared to followers if it performs well"),
  );
  const byHand = h("input", { id: "o-publish-myself", name: "options.publish_myself", type: "checkbox", onchange: changed });
  const reelBox = h(
    "div",
    { "data-for": REELS.join(" ") },
    h("div", { class: "field" }, h("label", { class: "inline" }, shareToFeed, " Also show the reel in the profile's feed")),
    field("o-cover", "Cover picture", cover, "A picture of your library, or a frame of the video below."),
    h(
      "div",
      { class: "field" },
      h("label", { class: "inline" }, useFrame, " Use a frame as the cover, at "),
      frame,
      frameShown,
      h("p", { class: "field-error", id: "o-frame-error", role: "alert" }),
    ),
    field("o-audio-name", "Audio name", audioName, "Names the reel's original audio (Instagram lets it be named once)."),
    field("o-trial", "Trial reel", trial),
  );
  const element = h(
    "fieldset",
    { class: "options-field", name: "options", id: "c-options" },
    h("legend", {}, "Instagram options"),
    h("p", { class: "field-error", id: "c-options-error", role: "alert" }),
    h(
      "div",
      { class: "field" },
      h("label", { class: "inline" }, byHand, " I publish it myself: remind me at its time"),
      h("p", { class: "hint" }, "For what Instagram's API cannot publish: a story with stickers or links, music on a reel, a personal account. Give it a planned time; you get its media and caption then."),
    ),
    field("o-first-comment", "First comment", firstComment, "Posted right after the post goes out; hashtags here keep the caption clean."),
    field("o-location-name", "Location", locationName),
    field("o-location-id", "Location's Facebook Page id", locationId, "The Page id of a place (Instagram tags the post with its location)."),
    field("o-collaborators", "Collaborators", collaborators, `Up to ${MAX_COLLABORATORS} Instagram usernames, invited to share the post.`),
    reelBox,
  );

  function showFrame() {
    frameShown.textContent = `${Number(frame.value).toFixed(1)} s`;
  }

  return {
    element,
    /** Show the fields the post type takes; `pictures`: the library's images, for the cover. */
    showFor(postType, pictures) {
      for (const part of element.querySelectorAll("[data-for]")) {
        part.closest(".field, [data-for]").hidden = !part.dataset.for.split(" ").includes(postType);
      }
      reelBox.hidden = !REELS.includes(postType);
      const chosen = cover.value;
      cover.replaceChildren(
        h("option", { value: "" }, "None (Instagram's choice, or the frame)"),
        ...pictures.map((p) => h("option", { value: p.id }, p.filename)),
      );
      if (chosen && pictures.some((p) => p.id === chosen)) cover.value = chosen;
      showFrame();
    },
    /** The options as the API takes them, for a post of `postType`. */
    value(postType) {
      const options = byHand.checked ? { publish_myself: true } : {};
      if (!FEED.includes(postType)) return options;
      const text = firstComment.value.trim();
      if (text) options.first_comment = text;
      if (locationId.value.trim()) options.location_id = locationId.value.trim();
      if (locationName.value.trim()) options.location_name = locationName.value.trim();
      const people = names(collaborators.value);
      if (people.length) options.collaborators = people;
      if (REELS.includes(postType)) {
        if (!shareToFeed.checked) options.share_to_feed = false;
        if (cover.value) options.cover = { media_id: cover.value };
        else if (useFrame.checked) options.thumb_offset_ms = Math.round(Number(frame.value) * 1000);
        if (audioName.value.trim()) options.audio_name = audioName.value.trim();
        if (trial.value) options.trial = trial.value;
      }
      showFrame();
      return options;
    },
    fill(options = {}) {
      byHand.checked = Boolean(options.publish_myself);
      firstComment.value = options.first_comment || "";
      locationId.value = options.location_id || "";
      locationName.value = options.location_name || "";
      collaborators.value = (options.collaborators || []).join(", ");
      shareToFeed.checked = options.share_to_feed !== false;
      cover.value = options.cover?.media_id || "";
      if (cover.value === "" && options.cover?.media_id) {
        cover.append(h("option", { value: options.cover.media_id }, "A library picture"));
        cover.value = options.cover.media_id;
      }
      useFrame.checked = options.thumb_offset_ms != null;
      frame.value = options.thumb_offset_ms != null ? options.thumb_offset_ms / 1000 : 0;
      audioName.value = options.audio_name || "";
      trial.value = options.trial || "";
      showFrame();
    },
  };
}
