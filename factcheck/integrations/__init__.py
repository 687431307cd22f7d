"""The pure building blocks of the CMS integration (no Flask, no Celery).

- ``html``: readable text from an HTML draft, with a map back to HTML offsets.
- ``signatures``: Ghost, WordPress (our scheme) and Standard Webhooks signatures.
- ``cms``: Ghost, WordPress and generic webhook payloads as one ``CmsDraft``.
- ``outbound``: URL safety checks and a redirect-checking POST for callbacks.
"""
