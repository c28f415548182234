import {
  ContainerNode,
  LeafNode,
  createNodeProvider,
  readAllText,
  type NodeCallContext,
} from '../../src/provider/sdk/index.js';
import type { ContentSource, Provider } from '../../src/provider/types.js';

type Environment = Record<string, string | undefined>;

class Variable extends LeafNode {
  constructor(
    name: string,
    private readonly env: Environment,
  ) {
    super(name);
    this.size = Buffer.byteLength(env[name] ?? '');
  }

  override properties() {
    return { Value: this.env[this.name] };
  }

  override content() {
    return this.env[this.name] ?? '';
  }

  override remove() {
    delete this.env[this.name];
  }

  override rename(newName: string) {
    this.env[newName] = this.env[this.name];
    delete this.env[this.name];
  }
}

class Variables extends ContainerNode {
  constructor(private readonly env: Environment) {
    super('');
  }

  children() {
    return Object.keys(this.env).map((name) => new Variable(name, this.env));
  }

  override async newChild(name: string, _type: string, value: unknown) {
    this.env[name] = value === undefined || value === null ? '' : String(value);
    return new Variable(name, this.env);
  }

  /** Set-Item Env:\NAME value; an empty value removes the variable, as `$env:NAME = ''` does. */
  override async setChild(name: string, value: unknown) {
    if (value === undefined || value === null || value === '') delete this.env[name];
    else this.env[name] = String(value);
    return new Variable(name, this.env);
  }

  /** Set-Content Env:\NAME, and copies into Env: (the whole value is read before it is set). */
  override async writeChild(name: string, source: ContentSource, ctx: NodeCallContext) {
    this.env[name] = (await readAllText(source, name, ctx.signal)).replace(/\r?\n$/, '');
    return new Variable(name, this.env);
  }
}

/**
 * The environment variables as the drive `Env:` (PowerShell's Environment provider): each
 * variable a leaf whose content is its value. Case-sensitive, as the environment is on Linux.
 */
export function createEnvironmentProvider(env: Environment = process.env): Provider {
  return createNodeProvider({
    name: 'Environment',
    description: 'The environment variables of the jafs process.',
    caseSensitive: true,
    cacheMs: 0,
    itemTypes: ['Variable'],
    nodeTypes: [Variables, Variable],
    drives: [{ name: 'Env', root: '/', description: 'Environment variables.' }],
    root: () => new Variables(env),
  });
}

/** Import-Module entry point: the provider over this process's environment. */
export default function environmentModule(): Provider {
  return createEnvironmentProvider();
}
