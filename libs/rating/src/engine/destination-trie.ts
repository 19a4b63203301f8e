import type { Destination } from '../plan/rate-plan';

interface TrieNode {
  children: (TrieNode | undefined)[];
  destination: Destination | null;
}

const node = (): TrieNode => ({ children: new Array<TrieNode | undefined>(10), destination: null });

/** Longest-prefix lookup of destinations over digit strings (docs/rating.md, step 3). */
export class DestinationTrie {
  private readonly root = node();

  /** Prefixes must be digits only and distinct (checked by compilePlan). */
  add(destination: Destination): void {
    let current = this.root;
    for (let i = 0; i < destination.prefix.length; i++) {
      const digit = destination.prefix.charCodeAt(i) - 48;
      current = current.children[digit] ??= node();
    }
    current.destination = destination;
  }

  /**
   * The destination whose prefix is the longest prefix of `digits`. The empty prefix `""` matches
   * every routable number and no unroutable one: a catch-all is for real numbers, never for
   * service codes and fragments.
   */
  lookup(digits: string, routable: boolean): Destination | null {
    let current: TrieNode | undefined = this.root;
    let best = routable ? current.destination : null;
    for (let i = 0; i < digits.length; i++) {
      current = current.children[digits.charCodeAt(i) - 48];
      if (current === undefined) break;
      if (current.destination !== null) best = current.destination;
    }
    return best;
  }
}
