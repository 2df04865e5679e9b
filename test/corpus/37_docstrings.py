"""A module docstring."""
import asyncio


async def documented():
    """Sleeps a little and says so."""
    await asyncio.sleep(0.5)
    print(documented.__doc__)


asyncio.run(documented())
