// What one media item of a post carries besides its file: alt text (on the pictures of photo
// and carousel posts, which is where Instagram takes it) and the people tagged. On a picture
// a person is tagged where the picture is clicked (x and y from its top left, 0 to 1, as
// Instagram places them); on a reel or a story by name.
import { h, webAddress } from "../dom.js";

export const MAX_USER_TAGS = 20;
const isVideo = (entry) => entry.kind === "video" || /\.(mp4|mov|m4v)(\?|$)/i.test(entry.src || "");

/** Where a tag goes on an item of a post of `postType`: "place", "name", or "" (none). */
function tagging(postType, entry) {
  if (postType === "reel" || postType === "video") return "name";
  if (postType === "story") return "name";
  return isVideo(entry) ? "" : "place";
}

const round = (n) => Math.round(n * 1000) / 1000;

/** An item as the API takes it for a post of `postType`: what the type does not take (alt
 * text on a reel, a place on a reel's tag) stays in the composer, not in the post. */
export function itemContent(entry, postType) {
  const out = entry.media_id ? { media_id: entry.media_id } : { url: entry.url };
  if (entry.alt_text && (postType === "photo" || postType === "carousel") && !isVideo(entry)) out.alt_text = entry.alt_text;
  const where = tagging(postType, entry);
  const tags = (entry.user_tags || []).map((t) =>
    where === "place" || (postType === "story" && t.x != null) ? { username: t.username, x: t.x, y: t.y } : { username: t.username },
  );
  if (where && tags.length) out.user_tags = tags;
  return out;
}

/** The details of `entry` (entry.alt_text, entry.user_tags are edited in place). */
export function mediaDetails(entry, index, postType, { changed }) {
  entry.user_tags ??= [];
  const id = `m${index}`;
  const where = tagging(postType, entry);
  const parts = [];
  if ((postType === "photo" || postType === "carousel") && !isVideo(entry)) {
    const alt = h("input", {
      id: `${id}-alt`,
      name: `media.${index}.alt_text`,
      maxlength: 2200,
      value: entry.alt_text ?? "",
      placeholder: entry.alt || "Describe the picture for people who cannot see it",
      oninput: (e) => {
        entry.alt_text = e.target.value;
        changed();
      },
    });
    parts.push(h("div", { class: "field" }, h("label", { for: `${id}-alt` }, `Alt text of item ${index + 1}`), alt, h("p", { class: "field-error", id: `${id}-alt-error`, role: "alert" })));
  }
  if (!where) return h("div", { class: "media-details" }, ...parts);

  const list = h("ul", { class: "people", "aria-label": `People tagged in item ${index + 1}` });
  const ask = h("div", { class: "row tag-ask", hidden: true });
  const username = h("input", { id: `${id}-tag`, autocomplete: "off", placeholder: "username" });
  let spot = null;

  function add() {
    const name = username.value.replace(/^@/, "").trim().toLowerCase();
    if (!name || entry.user_tags.length >= MAX_USER_TAGS) return;
    entry.user_tags.push(spot ? { username: name, x: spot.x, y: spot.y } : { username: name });
    username.value = "";
    spot = null;
    ask.hidden = where === "place";
    draw();
    changed();
  }
  username.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      add();
    }
  });
  ask.append(h("label", { for: `${id}-tag` }, "Tag"), username, h("button", { type: "button", onclick: add }, "Add"));

  const markers = h("div", { class: "tag-markers", "aria-hidden": "true" });
  const picture =
    where === "place" && webAddress(entry.src)
      ? h(
          "div",
          { class: "tag-picture" },
          h("img", {
            src: webAddress(entry.src),
            alt: `Item ${index + 1}: click where a person is to tag them`,
            onclick: (e) => {
              const box = e.target.getBoundingClientRect();
              spot = { x: round((e.clientX - box.left) / box.width), y: round((e.clientY - box.top) / box.height) };
              ask.hidden = false;
              username.focus();
            },
          }),
          markers,
        )
      : null;
  if (where === "name") ask.hidden = false;

  function draw() {
    list.replaceChildren(
      ...entry.user_tags.map((tag, n) =>
        h(
          "li",
          {},
          `@${tag.username}`,
          tag.x != null ? h("span", { class: "meta" }, ` at ${Math.round(tag.x * 100)}%, ${Math.round(tag.y * 100)}%`) : null,
          h(
            "button",
            {
              type: "button",
              class: "link",
              "aria-label": `Untag @${tag.username}`,
              onclick: () => {
                entry.user_tags.splice(n, 1);
                draw();
                changed();
              },
            },
            "Untag",
          ),
        ),
      ),
    );
    markers.replaceChildren(
      ...entry.user_tags
        .filter((t) => t.x != null)
        .map((t) => {
          // Placed through the CSS object model: the page's CSP refuses style attributes.
          const marker = h("span", { class: "tag-marker" }, `@${t.username}`);
          marker.style.left = `${t.x * 100}%`;
          marker.style.top = `${t.y * 100}%`;
          return marker;
        }),
    );
  }
  draw();
  const hint = where === "place" ? "Click the picture where a person is to tag them." : "Tag people by their username.";
  return h(
    "div",
    { class: "media-details" },
    ...parts,
    h("p", { class: "hint" }, `${hint} Up to ${MAX_USER_TAGS}.`),
    picture,
    ask,
    list,
  );
}
