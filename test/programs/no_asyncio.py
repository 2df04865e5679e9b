# Plain Python: no event loop at all, only time.sleep and computation.
import time

start = time.monotonic()
total = 0
for i in range(1, 4):
    time.sleep(i * 0.5)
    total += i
    print(f"step {i}, total {total}, at {round(time.monotonic() - start, 1)}")
print("squares", [n * n for n in range(6)])
print("done")
