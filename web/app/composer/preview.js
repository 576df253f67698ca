// What the post will look like on Instagram: a feed photo, a carousel to swipe, a reel or a
// story, from the composer's current content.
import { h, webAddress } from "../dom.js";

const isVideo = (media) => media.kind === "video" || /\.(mp4|mov|m4v)(\?|$)/i.test(media.src || "");

function visual(media, className) {
  // Only web addresses are shown: what is typed into the URL field may be anything.
  const src = webAddress(media?.src);
  if (!src) return h("div", { class: `${className} placeholder` }, "Add a photo or video");
  if (isVideo(media)) {
    return h("video", { class: className, src, muted: true, loop: true, playsInline: true, autoplay: true, "aria-label": media.alt || "Video" });
  }
  return h("img", { class: className, src, alt: media.alt_text || media.alt || "", onerror: (e) => e.target.classList.add("missing") });
}

function captionBlock(username, caption, hashtags) {
  const text = [caption, ...hashtags.map((t) => `#${t.replace(/^#/, "")}`)].filter(Boolean).join(" ");
  // Hashtags and mentions in Instagram's link colour; every piece is text, never markup.
  const parts = text.split(/([#@][\p{L}\p{N}_.]+)/u).map((part) =>
    /^[#@]/.test(part) ? h("span", { class: "ig-link" }, part) : part,
  );
  return h("p", { class: "ig-caption" }, h("strong", {}, username), " ", parts);
}

/** The first comment, under the caption as Instagram shows it. */
function firstComment(username, options) {
  return options?.first_comment ? h("p", { class: "ig-comment" }, h("strong", {}, username), " ", options.first_comment) : null;
}

/** `media`: [{src, kind, alt, alt_text}]; `options`: the post's publish options. */
export function preview({ postType, caption, hashtags, media, username, options = {} }) {
  const names = [username, ...(options.collaborators || [])];
  const head = h(
    "div",
    { class: "ig-head" },
    h("span", { class: "ig-avatar", "aria-hidden": "true" }),
    h("span", {}, h("strong", {}, names.join(" and ")), options.location_name ? h("small", { class: "ig-location" }, options.location_name) : null),
  );
  if (postType === "story" || postType === "reel") {
    return h(
      "figure",
      { class: `ig ig-${postType}`, "aria-label": `Preview: ${postType}` },
      postType === "story" ? h("div", { class: "ig-story-bars", "aria-hidden": "true" }, h("span")) : null,
      visual(media[0], "ig-full"),
      h(
        "figcaption",
        { class: "ig-overlay" },
        head,
        postType === "reel" ? captionBlock(username, caption, hashtags) : null,
        postType === "reel" ? firstComment(username, options) : null,
      ),
    );
  }
  let frame;
  if (postType === "carousel") {
    const dots = h("div", { class: "ig-dots", "aria-hidden": "true" }, media.map((_, i) => h("span", { class: i === 0 ? "on" : "" })));
    const track = h(
      "div",
      {
        class: "ig-track",
        tabindex: "0",
        role: "group",
        "aria-label": `Carousel of ${media.length}: swipe or scroll sideways`,
        onscroll: () => {
          const index = Math.round(track.scrollLeft / Math.max(track.clientWidth, 1));
          [...dots.children].forEach((dot, i) => dot.classList.toggle("on", i === index));
        },
      },
      (media.length ? media : [null]).map((m) => h("div", { class: "ig-slide" }, visual(m, "ig-photo"))),
    );
    frame = [track, dots];
  } else {
    frame = [visual(media[0], "ig-photo")];
  }
  return h(
    "figure",
    { class: `ig ig-feed`, "aria-label": `Preview: ${postType}` },
    head,
    ...frame,
    h("div", { class: "ig-actions", "aria-hidden": "true" }, "♡   ➤"),
    h("figcaption", {}, captionBlock(username, caption, hashtags), firstComment(username, options)),
  );
}
