// Prototype pollution, seen and undone: the built-in objects a hostile key can reach from a plain
// object or an array (`__proto__`, `constructor.prototype`, `constructor`) are snapshotted before
// a fuzz case, then compared and restored after it, so that one polluting case is reported
// without breaking every case after it.

const GUARDED: Record<string, object> = {
  "Object.prototype": Object.prototype,
  "Array.prototype": Array.prototype,
  "Function.prototype": Function.prototype,
  "String.prototype": String.prototype,
  Object,
  Array,
};

type Snapshot = Map<string, Map<PropertyKey, PropertyDescriptor>>;

function snapshot(): Snapshot {
  return new Map(
    Object.entries(GUARDED).map(([label, target]) => [
      label,
      new Map(Reflect.ownKeys(target).map((key) => [key, Reflect.getOwnPropertyDescriptor(target, key)!])),
    ]),
  );
}

const sameDescriptor = (a: PropertyDescriptor, b: PropertyDescriptor) =>
  a.value === b.value &&
  a.get === b.get &&
  a.set === b.set &&
  a.writable === b.writable &&
  a.enumerable === b.enumerable &&
  a.configurable === b.configurable;

/**
 * Snapshots the built-ins; the function returned tells what was added to or changed on them since
 * ("Object.prototype.x added"), undoing it before returning. It also applies the sentinel checks
 * `({}).x === undefined` and `Object.keys(Object.prototype).length === 0`.
 */
export function guardPrototypes(): () => string[] {
  const pristine = snapshot();
  return () => takePollution(pristine);
}

function takePollution(pristine: Snapshot): string[] {
  const found: string[] = [];
  const sentinel = ({} as Record<string, unknown>).x;
  const sentinels = [
    ...(Object.keys(Object.prototype).length !== 0
      ? [`Object.keys(Object.prototype) is ${JSON.stringify(Object.keys(Object.prototype)).slice(0, 80)}`]
      : []),
    ...(sentinel !== undefined ? [`({}).x is ${JSON.stringify(String(sentinel)).slice(0, 40)}`] : []),
  ];
  for (const [label, target] of Object.entries(GUARDED)) {
    const before = pristine.get(label)!;
    for (const key of Reflect.ownKeys(target)) {
      const now = Reflect.getOwnPropertyDescriptor(target, key)!;
      const original = before.get(key);
      if (original && sameDescriptor(original, now)) continue;
      found.push(`${label}.${String(key)} ${original ? "replaced" : "added"}`);
      if (original) Reflect.defineProperty(target, key, original);
      else Reflect.deleteProperty(target, key);
    }
    for (const [key, original] of before) {
      if (Reflect.getOwnPropertyDescriptor(target, key)) continue;
      found.push(`${label}.${String(key)} deleted`);
      Reflect.defineProperty(target, key, original);
    }
  }
  return [...new Set(found), ...sentinels];
}
