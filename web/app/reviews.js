// What the review screens share: a review's state in words, and a reviewer's decision on
// the version they were shown.
import { call } from "./api.js";

export const REVIEW_WORDS = {
  "": "Not submitted",
  in_review: "Waiting for review",
  approved: "Approved",
  changes_requested: "Changes requested",
  edited_since_approval: "Changed since its approval",
};

/** Approves (or, with a comment, sends back) version `version` of the post. */
export function decide(postId, version, decision, comment = "") {
  return call("POST", `/api/v1/posts/${postId}/review`, { version, decision, comment });
}
