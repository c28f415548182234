import { withTypeNames, type TypedObject } from '../core/psobject.js';
import { parentOf, qualifiedPath, type ResolvedItem } from './item-path.js';

/**
 * The object an item becomes in the pipeline: the provider's properties plus PowerShell's
 * PSPath family. `PSPath` is `<Provider>::<display path>`, which the engine accepts back, so
 * `Get-ChildItem | Remove-Item` binds -LiteralPath by property name without re-globbing.
 */
export function toPipelineObject({ path, item }: ResolvedItem): TypedObject {
  const parent = parentOf(path);
  const object: TypedObject = {
    ...item.properties,
    PSPath: qualifiedPath(path),
    PSParentPath: parent ? qualifiedPath(parent) : '',
    PSChildName: path.segments.at(-1) ?? item.name,
    PSDrive: path.drive.name,
    PSProvider: path.drive.provider.name,
    PSIsContainer: item.isContainer,
  };

  return withTypeNames(object, ...item.typeNames);
}
