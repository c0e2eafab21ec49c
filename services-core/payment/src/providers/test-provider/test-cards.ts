// The test provider's documented cards (README "Test cards"): each always gives the same outcome. No real card
// network is involved; these numbers are meaningful to the test provider only.
export type TestCardBehaviour =
  | { kind: 'authorize' }
  | { kind: 'decline'; failureCode: 'card_declined' | 'insufficient_funds' }
  | { kind: 'three_d_secure' }
  | { kind: 'timeout' };

export const TEST_CARDS: Readonly<Record<string, { behaviour: TestCardBehaviour; description: string }>> = {
  '4242424242424242': { behaviour: { kind: 'authorize' }, description: 'authorized at once' },
  '4000000000000002': { behaviour: { kind: 'decline', failureCode: 'card_declined' }, description: 'declined (card_declined)' },
  '4000000000009995': { behaviour: { kind: 'decline', failureCode: 'insufficient_funds' }, description: 'declined (insufficient_funds)' },
  '4000000000003220': { behaviour: { kind: 'three_d_secure' }, description: 'requires a 3-D Secure step, then authorized or failed' },
  '4000000000000119': { behaviour: { kind: 'timeout' }, description: 'never answers: the service stops waiting (provider_timeout)' },
};

export function testCard(number: string): TestCardBehaviour | undefined {
  return TEST_CARDS[number]?.behaviour;
}
