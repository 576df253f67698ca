// The API's words for a post's kinds and states, and how the app says them.
export const POST_TYPES = ["photo", "carousel", "reel", "video", "story"];
export const STATUSES = ["draft", "scheduled", "publishing", "published", "failed", "needs_reconcile"];
// A draft on the calendar is a planned post; one Instagram has not answered for is being checked.
export const STATUS_WORDS = { draft: "planned", needs_reconcile: "checking" };
