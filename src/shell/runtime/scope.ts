/**
 * Variable scopes. PowerShell scoping is dynamic: a function's scope is a child of its caller's,
 * reads walk up the chain, and plain assignment always writes the current scope.
 */
export class Scope {
  private readonly variables = new Map<string, { name: string; value: unknown }>();

  constructor(
    readonly parent: Scope | undefined,
    readonly kind: 'global' | 'script' | 'function' | 'block',
  ) {}

  /** The nearest variable named `name` (case-insensitive), or undefined. */
  lookup(name: string): { name: string; value: unknown } | undefined {
    const key = name.toLowerCase();
    for (const scope of this.chain()) {
      const found = scope.variables.get(key);
      if (found) return found;
    }
    return undefined;
  }

  has(name: string): boolean {
    return this.lookup(name) !== undefined;
  }

  getLocal(name: string): { name: string; value: unknown } | undefined {
    return this.variables.get(name.toLowerCase());
  }

  set(name: string, value: unknown): void {
    const key = name.toLowerCase();
    const existing = this.variables.get(key);
    if (existing) existing.value = value;
    else this.variables.set(key, { name, value });
  }

  remove(name: string): boolean {
    for (const scope of this.chain()) {
      if (scope.variables.delete(name.toLowerCase())) return true;
    }
    return false;
  }

  /** Every variable visible from here, nearest first. */
  all(): { name: string; value: unknown }[] {
    const seen = new Map<string, { name: string; value: unknown }>();
    for (const scope of this.chain()) {
      for (const [key, variable] of scope.variables) if (!seen.has(key)) seen.set(key, variable);
    }
    return [...seen.values()];
  }

  /** The scope a `$script:` or `$global:` prefix names. */
  find(kind: 'global' | 'script'): Scope {
    const chain = this.chain();
    return chain.find((s) => s.kind === kind) ?? chain[chain.length - 1];
  }

  /** This scope and its parents, nearest first. */
  private chain(): Scope[] {
    const scopes: Scope[] = [];
    for (let s: Scope | undefined = this as Scope; s; s = s.parent) scopes.push(s);
    return scopes;
  }
}
