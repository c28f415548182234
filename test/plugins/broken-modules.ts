/**
 * Modules a careless author could write, for checking that the shell contains them: one throws
 * while it is imported, one mounts a drive whose listing and content reading throw plain
 * errors (not jafs errors).
 */
export const BROKEN_MODULES = {
  'broken-load.js': `throw new Error('broken on purpose while loading');\n`,

  'broken-call.js': `
export default function ({ ContainerNode, LeafNode, createNodeProvider }) {
  class Trap extends LeafNode {
    content() {
      throw new RangeError('broken on purpose while reading');
    }
  }
  class Root extends ContainerNode {
    children() {
      return [new Trap('trap.txt'), new Inner('inner')];
    }
  }
  class Inner extends ContainerNode {
    children() {
      throw new TypeError('broken on purpose while listing');
    }
  }
  return createNodeProvider({
    name: 'Broken',
    nodeTypes: [Root, Inner, Trap],
    drives: [{ name: 'Broken', root: '/' }],
    root: () => new Root(),
  });
}
`,
};
