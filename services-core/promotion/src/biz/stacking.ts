// How the promotions a cart is eligible for combine. Rules (README "Stacking and allocation"):
// 1. Candidates are sorted by priority (high first), then promotion id, then code, so the answer never depends on
//    the order in which codes were typed. A promotion reached twice (two codes) applies once, by its first code.
// 2. Combinable promotions stack in that order, each on what the previous ones left of every line and of shipping.
// 3. An exclusive promotion applies alone. When exclusive ones are eligible, the customer gets the best of: each
//    exclusive one alone, or the stack of all combinable ones (the biggest total discount; ties go to the stack,
//    then to the earlier candidate in the sort order).
// 4. A promotion whose discount would pass what is left of its campaign's amount budget is left out (refused as
//    `campaign budget exhausted`), so what the cart shows is what ReserveUsage will accept.
import type { Cart, CartEvaluation, LineDiscount, RefusedCode } from './cart.js';
import { calculateDiscount, compare, type Remaining } from './discount-calculator.js';
import { refusalReason, type Candidate } from './eligibility.js';

interface StackResult {
  steps: { candidate: Candidate; lines: Map<string, bigint>; shipping: bigint; total: bigint }[];
  /** Left out because the discount would pass what remains of its campaign's amount budget. */
  overBudget: Candidate[];
  total: bigint;
}

export function evaluateCandidates(cart: Cart, candidates: Candidate[], refused: RefusedCode[], now: Date): CartEvaluation {
  const refusals = [...refused];
  const eligible: Candidate[] = [];
  const seen = new Set<string>();
  for (const c of [...candidates].sort(candidateOrder)) {
    const reason = refusalReason(c, cart, now);
    if (reason) {
      if (c.code) refusals.push({ code: c.code.code, reason });
    } else if (seen.has(c.promotion.id)) {
      refusals.push({ code: c.code!.code, reason: 'promotion already applied through another code' });
    } else {
      seen.add(c.promotion.id);
      eligible.push(c);
    }
  }
  const options = [eligible.filter((c) => !c.promotion.exclusive), ...eligible.filter((c) => c.promotion.exclusive).map((c) => [c])];
  let best = stack(cart, options[0]!);
  for (const option of options.slice(1)) {
    const result = stack(cart, option);
    if (result.total > best.total) best = result;
  }
  const chosen = new Set(best.steps.map((s) => s.candidate));
  const overBudget = new Set(best.overBudget);
  for (const c of eligible) {
    if (chosen.has(c) || !c.code) continue;
    refusals.push({ code: c.code.code, reason: overBudget.has(c) ? 'campaign budget exhausted' : 'not combinable: an exclusive promotion gives a bigger discount' });
  }
  return toEvaluation(cart, best, refusals);
}

function candidateOrder(a: Candidate, b: Candidate): number {
  return b.promotion.priority - a.promotion.priority || compare(a.promotion.id, b.promotion.id) || compare(a.code?.code ?? '', b.code?.code ?? '');
}

function stack(cart: Cart, candidates: Candidate[]): StackResult {
  const left: Remaining = {
    lines: new Map(cart.lines.map((l) => [l.lineId, BigInt(l.unitPriceMinor) * BigInt(l.quantity)])),
    shipping: BigInt(cart.shippingMinor),
  };
  const steps: StackResult['steps'] = [];
  const overBudget: Candidate[] = [];
  // What each campaign with an amount budget can still grant, so that ReserveUsage will accept what is shown here.
  const budgetLeft = new Map<string, bigint>();
  for (const candidate of candidates) {
    const d = calculateDiscount(candidate.promotion, cart, left);
    const total = [...d.lines.values()].reduce((a, b) => a + b, d.shipping);
    const campaign = candidate.campaign;
    if (campaign && campaign.budgetAmountMinor > 0) {
      const available = budgetLeft.get(campaign.id) ?? BigInt(campaign.budgetAmountMinor - campaign.amountUsedMinor);
      if (total > available) {
        overBudget.push(candidate);
        continue;
      }
      budgetLeft.set(campaign.id, available - total);
    }
    for (const [lineId, amount] of d.lines) left.lines.set(lineId, left.lines.get(lineId)! - amount);
    left.shipping -= d.shipping;
    // An automatic promotion that takes nothing is not applied (and not counted); a code the customer typed stays
    // applied at 0 (e.g. free shipping before a shipping option is chosen).
    if (total > 0n || candidate.code) steps.push({ candidate, lines: d.lines, shipping: d.shipping, total });
  }
  return { steps, overBudget, total: steps.reduce((a, s) => a + s.total, 0n) };
}

function toEvaluation(cart: Cart, result: StackResult, refusedCodes: RefusedCode[]): CartEvaluation {
  const lines: LineDiscount[] = cart.lines.map((l) => ({ lineId: l.lineId, discountMinor: 0, adjustments: [] }));
  const byId = new Map(lines.map((l) => [l.lineId, l]));
  let shipping = 0n;
  for (const step of result.steps) {
    const { promotion, code } = step.candidate;
    for (const [lineId, amount] of step.lines) {
      if (amount === 0n) continue;
      const line = byId.get(lineId)!;
      line.discountMinor += Number(amount);
      line.adjustments.push({ promotionId: promotion.id, code: code?.code ?? '', amountMinor: Number(amount), label: promotion.name });
    }
    shipping += step.shipping;
  }
  return {
    lines,
    shippingDiscountMinor: Number(shipping),
    discountTotalMinor: Number(result.total),
    applied: result.steps.map((s) => ({ promotionId: s.candidate.promotion.id, code: s.candidate.code?.code ?? '', amountMinor: Number(s.total) })),
    refusedCodes: refusedCodes.sort((a, b) => compare(a.code, b.code)),
  };
}
