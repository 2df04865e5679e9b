/**
 * Caps the memory Python may take. Pyodide's allocator grows its WebAssembly
 * memory on demand (up to 4 GB); when a grow fails, malloc returns NULL and
 * Python raises an ordinary MemoryError. So refusing to grow past a cap turns
 * `bytearray(10**9)` into a clean MemoryError instead of a worker that eats
 * the machine.
 */
export const DEFAULT_MEMORY_LIMIT_MB = 768;

interface MemoryPrototype {
  grow(delta: number): number;
  readonly buffer: ArrayBuffer;
  corolabCapBytes?: number;
}

// Typed by hand: Node's type library does not describe WebAssembly.Memory.
const memoryPrototype = (globalThis as unknown as { WebAssembly: { Memory: { prototype: MemoryPrototype } } }).WebAssembly.Memory
  .prototype;

export function capWasmMemory(limitMB: number): void {
  if (memoryPrototype.corolabCapBytes === undefined) {
    const grow = memoryPrototype.grow;
    memoryPrototype.grow = function (this: MemoryPrototype, delta: number): number {
      const cap = memoryPrototype.corolabCapBytes ?? Infinity;
      if (this.buffer.byteLength + delta * 65536 > cap) {
        throw new RangeError(`memory limit of ${Math.round(cap / 1048576)} MB reached`);
      }
      return grow.call(this, delta);
    };
  }
  memoryPrototype.corolabCapBytes = limitMB * 1024 * 1024;
}
