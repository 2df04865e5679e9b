"""Keeps the user's program away from the host.

Pyodide's bridge modules (`js`, `pyodide.ffi`, ...) reach the JavaScript
globals of the worker, and from there Node or the browser. While a program
runs they are unimportable and out of sys.modules.
"""
import importlib.abc
import os
import posix
import sys

BLOCKED = ("js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core", "micropip", "ctypes", "_ctypes")
# Emscripten runs these on the host (Node's child_process) or would try to.
PROCESS_FUNCTIONS = ("system", "popen", "fork", "forkpty", "execv", "execve", "execl", "execle", "execlp",
                     "execlpe", "execvp", "execvpe", "spawnv", "spawnve", "spawnl", "spawnle", "posix_spawn",
                     "posix_spawnp", "startfile")


def _blocked(name):
    return name.split(".", 1)[0] in BLOCKED


class _BridgeBlocker(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if _blocked(fullname):
            raise ImportError(
                f"import of '{fullname}' is not allowed: Corolab programs cannot reach the host",
                name=fullname,
            )
        return None


def no_processes(what):
    return OSError(f"{what} is not available: Corolab programs cannot start processes on the host")


def _no_processes(name):
    def blocked(*args, **kwargs):
        raise no_processes(f"os.{name}()")

    blocked.__name__ = name
    return blocked


class HardExit(SystemExit):
    """os._exit(n). Natively the process ends at once; here it would end the whole
    runtime worker (Emscripten's exit), losing the output, so it ends the run instead."""


def _hard_exit(status):
    raise HardExit(status)


class Sandbox:
    def __init__(self):
        self._hidden = {}
        self._replaced = []
        self._blocker = _BridgeBlocker()

    def __enter__(self):
        for name in list(sys.modules):
            if _blocked(name):
                self._hidden[name] = sys.modules.pop(name)
        sys.meta_path.insert(0, self._blocker)
        for module in (os, posix):
            for name in PROCESS_FUNCTIONS:
                if hasattr(module, name):
                    self._replaced.append((module, name, getattr(module, name)))
                    setattr(module, name, _no_processes(name))
            self._replaced.append((module, "_exit", module._exit))
            module._exit = _hard_exit
        return self

    def __exit__(self, *exc):
        if self._blocker in sys.meta_path:
            sys.meta_path.remove(self._blocker)
        for name in list(sys.modules):
            if _blocked(name):
                del sys.modules[name]
        sys.modules.update(self._hidden)
        self._hidden.clear()
        for module, name, original in self._replaced:
            setattr(module, name, original)
        self._replaced.clear()
        return False
