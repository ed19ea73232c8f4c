import { GraphQLError } from 'graphql';

/**
 * Slows password guessing: after 10 failed sign-ins for an email within 15
 * minutes, further attempts are refused until the window passes.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(email: string, now: number): number[] {
    const kept = (this.failures.get(email) ?? []).filter((at) => now - at < this.windowMs);
    if (kept.length) this.failures.set(email, kept);
    else this.failures.delete(email);
    return kept;
  }

  check(email: string, now = Date.now()): void {
    const recent = this.recent(email, now);
    if (recent.length >= this.maxFailures) {
      const retryInSeconds = Math.ceil((recent[0]! + this.windowMs - now) / 1000);
      throw new GraphQLError(`Too many failed sign-ins for this email; try again in ${Math.ceil(retryInSeconds / 60)} minute(s)`, { extensions: { code: 'TOO_MANY_ATTEMPTS', retryInSeconds, http: { status: 429 } } });
    }
  }

  failed(email: string, now = Date.now()): void {
    if (this.failures.size > 100_000) this.failures.clear();
    this.failures.set(email, [...this.recent(email, now), now]);
  }

  succeeded(email: string): void {
    this.failures.delete(email);
  }
}
