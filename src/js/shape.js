// Checks a JSON.parse'd answer against a shape described on the Rust side
// (src/model/shape.rs, held to the serde types by a native test). It runs in
// JS because walking the engine's own objects here costs a few percent of
// JSON.parse, where copying them into wasm costs several times it.
//
// A shape is a string for a leaf, [item] for an array, or {member: shape}.
// Returns null when `value` fits, else where and what did not.

const LEAVES = {
  text: (v) => typeof v === 'string',
  'text?': (v) => v == null || typeof v === 'string',
  count: (v) => Number.isSafeInteger(v) && v >= 0,
  textOrNumber: (v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
  'textOrNumber?': (v) => v == null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
  boolOrText: (v) => typeof v === 'boolean' || typeof v === 'string',
};

const EXPECTED = {
  text: 'a string',
  'text?': 'a string or null',
  count: 'a whole number of 0 or more',
  textOrNumber: 'a string or a number',
  'textOrNumber?': 'a string, a number or null',
  boolOrText: 'a boolean or a string',
};

// The path is only built on the way back up from a mismatch, so a value that
// fits costs no string work.
function walk(value, shape) {
  if (typeof shape === 'string') {
    if (LEAVES[shape](value)) return null;
    return { path: '', want: value === undefined ? 'present' : EXPECTED[shape] };
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return { path: '', want: 'an array' };
    const item = shape[0];
    for (let i = 0; i < value.length; i++) {
      const miss = walk(value[i], item);
      if (miss !== null) return { path: `[${i}]${miss.path}`, want: miss.want };
    }
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { path: '', want: 'an object' };
  }
  for (const key in shape) {
    const miss = walk(value[key], shape[key]);
    if (miss !== null) return { path: `.${key}${miss.path}`, want: miss.want };
  }
  return null;
}

export function checkShape(value, shape) {
  const miss = walk(value, shape);
  return miss === null ? null : `data${miss.path} must be ${miss.want}`;
}
