"""The pure checking core: extract -> match -> compare -> report.

Nothing in this package imports Flask, Celery, Redis or marshmallow; a test proves it.
"""
