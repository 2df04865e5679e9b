"""Corolab's runtime: CPython's own asyncio on a virtual clock, with a tracer."""
