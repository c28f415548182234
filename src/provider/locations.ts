import type { DriveInfo } from './types.js';
import { itemPath, type ItemPath } from './item-path.js';
import { LocationHistoryEmptyError, StackNotFoundError } from './errors.js';

/** How many earlier locations `cd -` can return to (PowerShell keeps 20). */
const HISTORY_LIMIT = 20;

/**
 * The session's places: the current drive, one current location per drive, the `cd -`/`cd +`
 * history, and the Push-Location stacks (the unnamed default one and named ones).
 */
export class LocationState {
  private currentDrive: DriveInfo | undefined;
  private readonly perDrive = new Map<DriveInfo, ItemPath>();
  private readonly back: ItemPath[] = [];
  private readonly forward: ItemPath[] = [];
  private readonly stacks = new Map<string, ItemPath[]>();
  /** The stack Push-Location and Pop-Location use when no -StackName is given. */
  private defaultStack = '';

  /** The current location; undefined until a drive exists. */
  current(): ItemPath | undefined {
    if (!this.currentDrive) return undefined;
    return this.on(this.currentDrive);
  }

  /** The remembered location on `drive` (its root until someone went elsewhere). */
  on(drive: DriveInfo): ItemPath {
    return this.perDrive.get(drive) ?? itemPath(drive, []);
  }

  /** Moves to `path`; `remember` records the previous place for `cd -`. */
  set(path: ItemPath, remember = true): void {
    const previous = this.current();
    if (remember && previous) {
      this.back.push(previous);
      if (this.back.length > HISTORY_LIMIT) this.back.shift();
      this.forward.length = 0;
    }

    this.currentDrive = path.drive;
    this.perDrive.set(path.drive, path);
  }

  /** The place `cd -` goes to (taken off the history). */
  takeBack(): ItemPath {
    const target = this.back.pop();
    if (!target) throw new LocationHistoryEmptyError('backwards');
    const here = this.current();
    if (here) this.forward.push(here);
    return target;
  }

  /** The place `cd +` goes to. */
  takeForward(): ItemPath {
    const target = this.forward.pop();
    if (!target) throw new LocationHistoryEmptyError('forwards');
    const here = this.current();
    if (here) this.back.push(here);
    return target;
  }

  /** Moves without touching the history (used by `cd -`/`cd +` themselves). */
  jump(path: ItemPath): void {
    this.currentDrive = path.drive;
    this.perDrive.set(path.drive, path);
  }

  push(path: ItemPath, stackName?: string): void {
    const name = stackName ?? this.defaultStack;
    const stack = this.stacks.get(name) ?? [];
    stack.push(path);
    this.stacks.set(name, stack);
  }

  /**
   * Takes the top of a stack. The empty default stack yields undefined (Pop-Location then does
   * nothing); a named stack that does not exist is an error. Emptied named stacks disappear.
   */
  pop(stackName?: string): ItemPath | undefined {
    const name = stackName ?? this.defaultStack;
    const stack = this.stacks.get(name);
    if (!stack || stack.length === 0) {
      if (name !== '') throw new StackNotFoundError(name);
      return undefined;
    }

    const top = stack.pop();
    if (stack.length === 0 && name !== '') this.stacks.delete(name);
    return top;
  }

  /** A stack's entries, most recent first. */
  stack(stackName?: string): ItemPath[] {
    const name = stackName ?? this.defaultStack;
    const stack = this.stacks.get(name);
    if (!stack && name !== '') throw new StackNotFoundError(name);
    return [...(stack ?? [])].reverse();
  }

  /** Set-Location -StackName: the stack later pushes and pops use by default. */
  useStack(stackName: string | undefined): void {
    const name = stackName ?? '';
    if (name !== '' && !this.stacks.has(name)) throw new StackNotFoundError(name);
    this.defaultStack = name;
  }

  /** Forgets everything that points into a removed drive. */
  forgetDrive(drive: DriveInfo, fallback: DriveInfo | undefined): void {
    this.perDrive.delete(drive);
    const keep = (path: ItemPath) => path.drive !== drive;
    for (const list of [this.back, this.forward, ...this.stacks.values()]) {
      const kept = list.filter(keep);
      list.splice(0, list.length, ...kept);
    }

    if (this.currentDrive === drive) this.currentDrive = fallback;
  }
}
