"""Celery worker entry points: ``celery -A workers.celery_app worker``."""
