// The vendor's own samples print raw line breaks inside JSON strings, which
// JSON.parse refuses. This escapes control characters inside string literals
// (the same repair as escape_raw_controls in src/transport/decode.rs), here in
// JS so that a large answer is never copied into wasm memory to be repaired.
// Returns null when there was nothing to repair.
export function repairControls(text) {
  let out = '';
  let from = 0;
  let inString = false;
  let escaped = false;
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString && !escaped && c < 0x20) {
      out += text.slice(from, i) + '\\u' + c.toString(16).padStart(4, '0');
      from = i + 1;
      changed = true;
      continue;
    }
    if (c === 0x22 && !escaped) inString = !inString;
    escaped = inString && c === 0x5c && !escaped;
  }
  return changed ? out + text.slice(from) : null;
}
