// First in every test file's process, before any WebAssembly is compiled there (older-v8.node.ts).
import { tuneOlderV8 } from '../shared/runtime/older-v8.node.js';

tuneOlderV8();
