"""threading.Lock and threading.RLock in virtual time.

Emulated threads (threads.py) run one after another, each to its end when it
starts, so a lock one of them held is free again when the next one runs. Each
lock therefore remembers when, in virtual time, it was held and by which thread:
acquiring it at a time another thread held it waits until that hold ended (or
the timeout passes), as natively. A lock held right now by the program, or by
the thread that started this one, will only be released later in the run: a
thread that runs ahead cannot wait for that (ThreadWaitsForLater), and blocking
for it where nothing else can release it is a deadlock, not a hang.
"""
import threading
import time

from . import threads

_native_lock = threading.Lock
_native_rlock = threading.RLock
_session = None  # the run in progress (install)
_run = 0  # which run that is: a lock a module keeps from an earlier run forgets that run's holds


class VirtualLock:
    __slots__ = ("_owner", "_since", "_holds", "_run", "__weakref__")

    def __init__(self):
        self._owner = None  # the thread holding it now
        self._since = 0.0  # since when (virtual time)
        self._holds = []  # (start, end, thread) of earlier holds that lasted, in run number _run
        self._run = _run

    def acquire(self, blocking=True, timeout=-1):
        _check_acquire(blocking, timeout)
        session = _session
        me = threading.current_thread()  # an emulated thread's own while it runs (threads.py)
        if self._owner is not None:
            if not blocking:
                return False
            if timeout != -1:
                time.sleep(timeout)
                return False
            _blocked_for_good(session, self._owner is not me)
        if session is not None:
            clock = session.clock
            free = self._free_from(clock.now, me)
            if free > clock.now:
                if not blocking:
                    return False
                if timeout != -1 and free - clock.now > timeout:
                    time.sleep(timeout)
                    return False
                time.sleep(free - clock.now)
            self._since = clock.now
        self._owner = me
        return True

    def _free_from(self, t, me):
        """The first time from t on when no thread but `me` held the lock."""
        moved = True
        while moved:
            moved = False
            for start, end, owner in self._this_runs_holds():
                if owner is not me and start <= t < end:
                    t, moved = end, True
        return t

    def release(self):
        if self._owner is None:
            raise RuntimeError("release unlocked lock")
        session = _session
        if session is not None and self._run == _run and session.clock.now > self._since:
            self._holds.append((self._since, session.clock.now, self._owner))
        self._owner = None

    def _this_runs_holds(self):
        if self._run != _run:
            self._holds.clear()
            self._run = _run
        return self._holds

    def locked(self):
        if self._owner is not None or _session is None:
            return self._owner is not None
        now = _session.clock.now
        return self._free_from(now, None) > now  # a thread that ran ahead holds it at this time

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()

    def _at_fork_reinit(self):
        self._owner = None

    def __repr__(self):
        state = "locked" if self._owner is not None else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


VirtualLock.__name__ = VirtualLock.__qualname__ = "lock"
VirtualLock.__module__ = "_thread"


class VirtualRLock(VirtualLock):
    """threading.RLock in virtual time: a VirtualLock that the thread holding it takes
    again without waiting, and lets go when it has released it as often."""

    __slots__ = ("_count",)

    def __init__(self):
        super().__init__()
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        _check_acquire(blocking, timeout)
        if self._is_owned():
            self._count += 1
            return True
        if not VirtualLock.acquire(self, blocking, timeout):
            return False
        self._count = 1
        return True

    __enter__ = acquire

    def release(self):
        if not self._is_owned():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            VirtualLock.release(self)

    def __exit__(self, *exc):
        self.release()

    def _is_owned(self):  # also what threading.Condition asks of its lock
        return self._owner is not None and self._owner is threading.current_thread()

    # What else threading.Condition uses of an RLock (its default lock).
    def _release_save(self):
        if self._owner is None:
            raise RuntimeError("cannot release un-acquired lock")
        state = self._count, self._owner
        self._count = 0
        VirtualLock.release(self)
        return state

    def _acquire_restore(self, state):
        VirtualLock.acquire(self)
        self._count, self._owner = state

    def _recursion_count(self):
        return self._count if self._is_owned() else 0

    def _at_fork_reinit(self):
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = getattr(self._owner, "ident", None) or 0
        state = "locked" if self._owner is not None else "unlocked"
        return f"<{state} _thread.RLock object owner={owner} count={self._count} at {id(self):#x}>"


VirtualRLock.__name__ = VirtualRLock.__qualname__ = "RLock"
VirtualRLock.__module__ = "_thread"


def _check_acquire(blocking, timeout):
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be a non-negative number")


def _blocked_for_good(session, held_by_another):
    if held_by_another and threads.emulating():
        from .executors import ThreadWaitsForLater

        raise ThreadWaitsForLater(
            "this thread waits for a lock the program releases later; here threads run one "
            "after another, each to its end when it starts, so it cannot be shown"
        )
    from .loop import Deadlock

    if session is not None:
        session.halt()
    raise Deadlock("deadlock: the program waits for a lock that nothing left can release")


def install(session):
    global _session, _run
    _session = session
    _run += 1
    threading.Lock = VirtualLock  # what programs and threading's own Event, Semaphore, queue.Queue make
    threading.RLock = VirtualRLock  # and threading.Condition's own lock


def uninstall():
    global _session
    _session = None
    threading.Lock = _native_lock
    threading.RLock = _native_rlock
