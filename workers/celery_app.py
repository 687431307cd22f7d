"""The worker's Celery app: the Flask app's, with the tasks registered."""

from factcheck.api import create_app

flask_app = create_app()
celery_app = flask_app.extensions["celery"]

import workers.tasks  # noqa: F401  (registers the tasks on the app)
