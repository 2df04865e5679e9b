# The local time zone's name, as python3 on a UTC machine gives it (the runtime's C library
# names zones by their offset: "UTC-0000"). Its expected output is from a machine whose zone is UTC, as CI's.
import asyncio
import datetime
import time


async def main():
    print(time.tzname, time.timezone, time.daylight)
    print(time.strftime("%Z %z", time.localtime(0)), time.localtime(0).tm_zone, time.gmtime(0).tm_zone)
    await asyncio.sleep(0.5)
    print(datetime.datetime.now().astimezone().tzname(), repr(datetime.datetime(2024, 1, 1).astimezone().tzinfo))
    print(datetime.datetime(2024, 5, 1, 12).astimezone(datetime.timezone.utc))


asyncio.run(main())
