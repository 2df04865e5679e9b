"""The virtual clock.

Program time only moves when the event loop has nothing ready and jumps to its
next timer, or when the program blocks in time.sleep(). Every clock the program
can read (loop.time(), time.time(), time.monotonic(), time.perf_counter(),
time.clock_gettime() of those clocks, time.strftime()/localtime() without a
time, datetime.now()) reads this one.
"""
import datetime as _datetime
import math
import sys
import time as _time

_real = {name: getattr(_time, name) for name in (
    "time", "time_ns", "monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns",
    "sleep", "localtime", "gmtime", "strftime", "ctime", "asctime", "clock_gettime", "clock_gettime_ns",
    "process_time", "process_time_ns",
) if hasattr(_time, name)}
# clock_gettime()'s clocks that tell the time of day, and those that tell time since some start;
# the others (a process's or thread's CPU time) stay the real ones.
_WALL_CLOCKS = {getattr(_time, name) for name in ("CLOCK_REALTIME", "CLOCK_TAI") if hasattr(_time, name)}
_SINCE_CLOCKS = {getattr(_time, name) for name in ("CLOCK_MONOTONIC", "CLOCK_MONOTONIC_RAW", "CLOCK_BOOTTIME", "CLOCK_HIGHRES", "CLOCK_UPTIME") if hasattr(_time, name)}
_real_datetime = _datetime.datetime
_real_tzname = _time.tzname
# The runtime's C library names a time zone by its offset ("UTC-0000"); on a machine
# whose zone is UTC, python3 says "UTC" (time.tzname, %Z, astimezone().tzname()).
_OFFSET_NAMES = {"UTC-0000", "UTC+0000"}
_UTC = _datetime.timezone(_datetime.timedelta(0), "UTC")
# The shortest a wait lasts, virtual seconds. Natively a sleep or timer of any positive length
# takes tens of microseconds or more; here a wait for 1e-17 s (which rounding in a program's
# own arithmetic asks for) would not move the clock, and a program waiting for it to move (a
# rate limiter topping up what it may send, a loop until a deadline) would wait for good.
MIN_WAIT = 1e-6


class LimitExceeded(KeyboardInterrupt):
    """A run went past one of its budgets (virtual time, steps).

    A KeyboardInterrupt, like Ctrl-C, so that neither `except Exception` in the
    program nor asyncio's task machinery swallows it."""


class VirtualClock:
    def __init__(self, wall_start, max_seconds):
        self.now = 0.0
        self.wall_start = wall_start
        self.max_seconds = max_seconds
        self.on_limit = lambda: None
        self.on_move = lambda now: None  # told every new time (the tracer records it)
        self.on_advance = lambda target: None  # told before it moves on to `target` (output.py writes what is due)

    def advance(self, seconds):
        if seconds > 0:
            # Never stays put: a positive wait too short to change the time (what is left of a
            # thread's timeout, say) still moves it, by the least there is; sleeps and timers
            # last MIN_WAIT at least already.
            target = max(self.now + seconds, math.nextafter(self.now, math.inf))
            if target > self.max_seconds:
                self.move_to(self.max_seconds)
                self.on_limit()
                raise LimitExceeded(
                    f"the program's clock passed {self.max_seconds:g} virtual seconds "
                    f"(it asked to wait until {target:g} s)"
                )
            self.on_advance(target)
            self.move_to(target)

    def move_to(self, now):
        """Sets the time; the only way it changes (threads.py winds it back with it)."""
        self.now = now
        self.on_move(now)

    def wall(self):
        return self.wall_start + self.now


_clock = None


def current():
    return _clock


def _sleep(seconds):
    # Blocking: the whole loop stops for `seconds` of program time.
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    _clock.advance(max(float(seconds), MIN_WAIT) if seconds > 0 else 0.0)


def _opt_time(t):
    return _clock.wall() if t is None else t


def _clock_gettime(clk_id):
    if clk_id in _WALL_CLOCKS:
        return _clock.wall()
    if clk_id in _SINCE_CLOCKS:
        return _clock.now
    return _real["clock_gettime"](clk_id)


def _clock_gettime_ns(clk_id):
    if clk_id in _WALL_CLOCKS or clk_id in _SINCE_CLOCKS:
        return int(_clock_gettime(clk_id) * 1e9)
    return _real["clock_gettime_ns"](clk_id)


def _zone_name(name):
    return "UTC" if name in _OFFSET_NAMES else name


def _localtime(t=None):
    local = _real["localtime"](_opt_time(t))
    if local.tm_zone in _OFFSET_NAMES:
        local = _time.struct_time((*local[:9], "UTC", local.tm_gmtoff))
    return local


class _VirtualDatetime(_real_datetime):
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_clock.wall(), tz)

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_clock.wall(), _datetime.timezone.utc).replace(tzinfo=None)

    def astimezone(self, tz=None):
        local = super().astimezone(tz)
        if tz is None and local.tzname() in _OFFSET_NAMES:
            return local.replace(tzinfo=_UTC)
        return local

    def __repr__(self):
        # The C repr names a subclass by its bare name, datetime(2024, 1, 1, 0, 0), where the
        # real class says datetime.datetime(2024, 1, 1, 0, 0); a program's own subclass keeps its name.
        text = super().__repr__()
        return "datetime." + text if type(self) is _VirtualDatetime else text


# Printed and repr'd like the real class.
_VirtualDatetime.__name__ = _VirtualDatetime.__qualname__ = "datetime"
_VirtualDatetime.__module__ = "datetime"


# Standard modules that took the real time.monotonic under a name of their own when
# they were imported (before any run), for their waits' timeouts.
_MONOTONIC_ALIASES = (("queue", "time"), ("threading", "_time"))


def _set_monotonic_aliases(fn):
    for module, name in _MONOTONIC_ALIASES:
        mod = sys.modules.get(module)
        if mod is not None and hasattr(mod, name):
            setattr(mod, name, fn)


def install(wall_start, max_seconds):
    """Points the time module at a fresh virtual clock for one run."""
    global _clock
    _clock = VirtualClock(wall_start, max_seconds)
    _time.time = lambda: _clock.wall()
    _time.time_ns = lambda: int(_clock.wall() * 1e9)
    _time.monotonic = lambda: _clock.now
    _time.monotonic_ns = lambda: int(_clock.now * 1e9)
    _time.perf_counter = lambda: _clock.now
    _time.perf_counter_ns = lambda: int(_clock.now * 1e9)
    _time.sleep = _sleep
    # CPU time is the real one, counted from the run's start as a new process's is (the worker's
    # counts everything it did before); a thread's is the same, there being one (Pyodide has no
    # thread_time, which natively exists).
    cpu_start = _real["process_time_ns"]()
    _time.process_time = _time.thread_time = lambda: (_real["process_time_ns"]() - cpu_start) / 1e9
    _time.process_time_ns = _time.thread_time_ns = lambda: _real["process_time_ns"]() - cpu_start
    if "clock_gettime" in _real:
        _time.clock_gettime, _time.clock_gettime_ns = _clock_gettime, _clock_gettime_ns
    _time.localtime = _localtime
    _time.tzname = tuple(_zone_name(name) for name in _real_tzname)
    _time.gmtime = lambda t=None: _real["gmtime"](_opt_time(t))
    _time.ctime = lambda t=None: _real["ctime"](_opt_time(t))
    _time.asctime = lambda t=None: _real["asctime"](_time.localtime() if t is None else t)
    _time.strftime = lambda fmt, t=None: _real["strftime"](fmt, _time.localtime() if t is None else t)
    _datetime.datetime = _VirtualDatetime
    _set_monotonic_aliases(_time.monotonic)
    return _clock


def uninstall():
    global _clock
    _clock = None  # nothing of a run outlives it (runner.between_runs)
    for name, fn in _real.items():
        setattr(_time, name, fn)
    for name in ("thread_time", "thread_time_ns"):
        if name not in _real and hasattr(_time, name):
            delattr(_time, name)
    _datetime.datetime = _real_datetime
    _time.tzname = _real_tzname
    _set_monotonic_aliases(_real["monotonic"])


def real_time():
    return _real["perf_counter"]()
