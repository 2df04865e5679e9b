/**
 * Caps the memory Python may take. Pyodide's allocator grows its WebAssembly
 * memory on demand (up to 4 GB); when a grow fails, malloc returns NULL and
 * Python raises an ordinary MemoryError. So refusing to grow past a cap turns
 * `bytearray(10**9)` into a clean MemoryError instead of a worker that eats
 * the machine.
 */
export const DEFAULT_MEMORY_LIMIT_MB = 768;

export function capWasmMemory(limitMB: number): void {
  const proto = WebAssembly.Memory.prototype as WebAssembly.Memory & { __corolabCap?: number };
  const limit = limitMB * 1024 * 1024;
  if (proto.__corolabCap === undefined) {
    const grow = proto.grow;
    proto.grow = function (this: WebAssembly.Memory, delta: number): number {
      const cap = (WebAssembly.Memory.prototype as { __corolabCap?: number }).__corolabCap ?? Infinity;
      if (this.buffer.byteLength + delta * 65536 > cap) {
        throw new RangeError(`memory limit of ${Math.round(cap / 1048576)} MB reached`);
      }
      return grow.call(this, delta);
    };
  }
  proto.__corolabCap = limit;
}
