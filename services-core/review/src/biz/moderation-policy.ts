// The automatic moderation rules, applied to every submission and edit and again when a delivery verifies a
// pending review: a banned word flags the review for a moderator; a verified purchase without one is approved
// at once; anything else waits for a moderator.
import type { ReviewContent, ReviewStatus } from './review.js';

export interface ModerationOutcome {
  status: ReviewStatus;
  reason: string;
}

export class ModerationPolicy {
  private readonly banned: RegExp | undefined;

  /** `bannedWords` are matched case-insensitively as whole words (or phrases) in the title and the body. */
  constructor(bannedWords: readonly string[]) {
    const words = bannedWords.map((w) => w.trim()).filter((w) => w.length > 0);
    this.banned = words.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu') : undefined;
  }

  /** The first banned word in the text, as written there; undefined when it is clean. */
  bannedWordIn(content: Pick<ReviewContent, 'title' | 'body'>): string | undefined {
    if (!this.banned) return undefined;
    return this.banned.exec(content.title)?.[0] ?? this.banned.exec(content.body)?.[0];
  }

  decide(content: Pick<ReviewContent, 'title' | 'body'>, verifiedPurchase: boolean): ModerationOutcome {
    const word = this.bannedWordIn(content);
    if (word !== undefined) return { status: 'flagged', reason: `contains the banned word "${word}"` };
    if (verifiedPurchase) return { status: 'approved', reason: '' };
    return { status: 'pending', reason: 'awaiting a moderator: not a verified purchase' };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
