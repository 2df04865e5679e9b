"""Keeps the user's program away from the host.

Pyodide's bridge modules (`js`, `pyodide.ffi`, ...) reach the JavaScript
globals of the worker, and from there Node or the browser. While a program
runs they are unimportable and out of sys.modules.
"""
import importlib.abc
import sys

BLOCKED = ("js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core", "micropip")


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


class Sandbox:
    def __init__(self):
        self._hidden = {}
        self._blocker = _BridgeBlocker()

    def __enter__(self):
        for name in list(sys.modules):
            if _blocked(name):
                self._hidden[name] = sys.modules.pop(name)
        sys.meta_path.insert(0, self._blocker)
        return self

    def __exit__(self, *exc):
        if self._blocker in sys.meta_path:
            sys.meta_path.remove(self._blocker)
        for name in list(sys.modules):
            if _blocked(name):
                del sys.modules[name]
        sys.modules.update(self._hidden)
        self._hidden.clear()
        return False
