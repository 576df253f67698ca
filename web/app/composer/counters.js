// Instagram's limits, counted as the posts service counts them when it saves (the API
// stays the judge: these only show the writer where they stand while typing).

export const LIMITS = { caption: 2200, hashtags: 30, mentions: 20 };

const HASHTAG = /#([\p{L}\p{N}_]+)/gu;
const MENTION = /(^|[^\p{L}\p{N}_])@([\p{L}\p{N}_.]+)/gu;

const bare = (tag) => tag.replace(/^#/, "").toLowerCase();

/** The hashtags typed in a list field ("#a, b c") as the API takes them. */
export const hashtagList = (text) =>
  text
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean);

/** How far the caption and its hashtags are from each limit. */
export function count(caption, hashtags) {
  const inCaption = [...caption.matchAll(HASHTAG)].map((m) => m[1].toLowerCase());
  const tags = new Set([...inCaption, ...hashtags.map(bare)]);
  // The listed hashtags are appended to the caption when it is published.
  const appended = hashtags.filter((t) => !inCaption.includes(bare(t))).map((t) => ` #${bare(t)}`).join("");
  return {
    caption: [...(caption + appended)].length,
    hashtags: tags.size,
    mentions: [...caption.matchAll(MENTION)].length,
  };
}
