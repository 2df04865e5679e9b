# Waits too short to change the clock, as rounding in a program's own arithmetic asks for
# them: natively any wait takes some time, so these programs go on (here they waited for good).
import asyncio
import time


async def rate_limited(rate=3.0, requests=6):
    allowance, last = 0.0, time.monotonic()
    for i in range(requests):
        while True:
            now = time.monotonic()
            allowance = min(rate, allowance + (now - last) * rate)
            last = now
            if allowance >= 1:
                allowance -= 1
                break
            await asyncio.sleep((1 - allowance) / rate)
        print("request", i)


def wait_until(deadline):
    while time.monotonic() < deadline:
        time.sleep(max(0.0, deadline - time.monotonic()) / 2)
    return "past the deadline"


asyncio.run(rate_limited())
print(wait_until(time.monotonic() + 0.5))
