"""What a run changes in the interpreter's shared state, undone before the next run.

Natively every run of a program is a process of its own. Here the runs of a
worker share one interpreter, so a program that replaces asyncio.sleep or
builtins.print, configures logging, adds a warnings filter or a sys.path entry
would change every run after it (a second run of a program that calls
logging.basicConfig() printed no log line at all: its first run's handler was
still there). So the state a program can reach is put back as it was when the
runtime had loaded: the globals of every module loaded then, which modules
are loaded, and the state the standard library keeps in objects that programs
commonly change. What stays shared: changes inside classes and other objects
(asyncio.Queue.put = ..., a list in a module changed in place), and modules
of the runtime's own (they keep what they keep across runs on purpose).
"""
import atexit
import logging
import os
import sys
import warnings

_OWN = __name__.rsplit(".", 1)[0] + "."  # the runtime's package
_saved = None


class _Saved:
    def __init__(self):
        self.modules = {name: module for name, module in sys.modules.items() if not name.startswith(_OWN)}
        self.globals = [_Globals(module.__dict__) for module in self.modules.values() if hasattr(module, "__dict__")]
        self.path = list(sys.path)
        self.meta_path = list(sys.meta_path)
        self.recursion_limit = sys.getrecursionlimit()
        self.environ = dict(os.environ)
        self.environ_data = dict(os.environ._data)  # what os.environ keeps, encoded: compared in C
        self.warning_filters = list(warnings.filters)
        manager = logging.Logger.manager
        self.logger_names = set(manager.loggerDict)
        self.loggers = [_logger_state(logger) for logger in manager.loggerDict.values() if isinstance(logger, logging.Logger)]
        self.root = _logger_state(logging.root)
        self.logging_disabled = manager.disable


class _Globals:
    __slots__ = ("current", "original")

    def __init__(self, namespace):
        self.current = namespace
        self.original = dict(namespace)

    def changed(self):
        # One comparison in C: a loop in Python over the 10,000 globals, or a C function called
        # for each (id), took 15-50 ms a run in Pyodide. Values that are the same object compare
        # equal without being asked; only a replaced one is (a program's object that says it
        # equals what it replaced keeps its place, which a program has to want).
        try:
            return self.current != self.original
        except Exception:
            return True

    def restore(self):
        # Key by key, not clear() and update(): a module (sys) is never without what it has.
        # With `in` and [], not get(): they need no call out of the interpreter, which in
        # Pyodide costs several times the rest (the runtime's own per-run patches change
        # some ten modules a run, of some 100 globals each).
        current, original = self.current, self.original
        for key in [key for key in current if key not in original]:
            del current[key]
        for key, value in original.items():
            if key not in current or current[key] is not value:
                current[key] = value


def _logger_state(logger):
    return logger, logger.level, list(logger.handlers), list(logger.filters), logger.propagate, logger.disabled


def _restore_logger(state):
    logger, level, handlers, filters, propagate, disabled = state
    logger.setLevel(level)
    logger.handlers[:] = handlers
    logger.filters[:] = filters
    logger.propagate = propagate
    logger.disabled = disabled


def _same(current, original):
    return len(current) == len(original) and all(a is b for a, b in zip(current, original))


def remember():
    """The state every run starts from: the runtime's, once it has loaded."""
    global _saved
    atexit._clear()  # what the standard library registered (logging.shutdown) is not a program's to run
    _saved = _Saved()


def restore():
    """Puts back what the last run changed (see the module's docstring)."""
    saved = _saved
    if saved is None:
        return
    for name in [name for name in sys.modules if name not in saved.modules and not name.startswith(_OWN)]:
        del sys.modules[name]  # imported by the run: imported afresh by the next one that wants it
    for name, module in saved.modules.items():
        if sys.modules.get(name) is not module:
            sys.modules[name] = module
    for namespace in saved.globals:
        if namespace.changed():
            namespace.restore()
    if not _same(sys.path, saved.path):
        sys.path[:] = saved.path
    if not _same(sys.meta_path, saved.meta_path):
        sys.meta_path[:] = saved.meta_path
    sys.setrecursionlimit(saved.recursion_limit)
    sys.settrace(None)
    sys.setprofile(None)
    if os.environ._data != saved.environ_data:
        os.environ.clear()
        os.environ.update(saved.environ)
    if not _same(warnings.filters, saved.warning_filters):
        warnings.resetwarnings()  # also tells the warnings machinery that its filters changed
        warnings.filters[:] = saved.warning_filters
    _restore_logging(saved)
    atexit._clear()


def _restore_logging(saved):
    manager = logging.Logger.manager
    for name in [name for name in manager.loggerDict if name not in saved.logger_names]:
        del manager.loggerDict[name]  # made by the run
    for state in saved.loggers:
        _restore_logger(state)
    _restore_logger(saved.root)
    manager.disable = saved.logging_disabled
    manager._clear_cache()
