# CPU-time clocks: a run's process_time() starts near zero, as a new process's does, and
# thread_time() exists, as it does natively.
import time

print("process_time near zero:", time.process_time() < 0.5, time.process_time_ns() < 500_000_000)
print("thread_time:", time.thread_time() >= 0, time.thread_time_ns() >= 0)
