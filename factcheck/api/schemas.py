"""Request and response schemas; the OpenAPI document is generated from them."""

from __future__ import annotations

import re

from marshmallow import Schema, ValidationError, fields, validate, validates_schema


def _not_blank(value: str) -> None:
    if not value.strip():
        raise ValidationError("Must contain some text, not only white space.")


#: The OpenAPI form of _not_blank (a pattern is searched for anywhere in the string).
_SOME_TEXT = {"pattern": r"\S"}


#: An http(s) URL as this API takes it: a host of letters, digits, hyphens and dots (names and
#: IPv4 addresses), an optional port up to 65535, then printable ASCII. One pattern serves the
#: validation and the OpenAPI document, so what the document allows is what the API takes.
_URL = (
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*"
    r"[A-Za-z0-9])?)*\.?(?::(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}"
    r"|[1-5][0-9]{4}|[1-9][0-9]{0,3}|0))?(?:[/?#][!-~]*)?"
)
_URL_RE = re.compile(_URL)
_URL_MAX = 2000


class OptionalUrl(fields.String):
    """An http(s) URL that may be left out, sent as null or sent empty (a blank form field)."""

    def __init__(self, description: str) -> None:
        super().__init__(load_default=None, allow_none=True, metadata={
            "description": f"{description} Empty or null: none.",
            "pattern": f"^(?:{_URL})?$", "maxLength": _URL_MAX})

    def deserialize(self, value, attr=None, data=None, **kwargs):
        if isinstance(value, str) and not value:
            value = None
        url = super().deserialize(value, attr, data, **kwargs)
        if url is not None and (len(url) > _URL_MAX or not _URL_RE.fullmatch(url)):
            raise ValidationError(f"Not a valid http(s) URL (at most {_URL_MAX} characters).")
        return url


class CheckRequestSchema(Schema):
    text = fields.String(validate=[validate.Length(min=1), _not_blank],
                         metadata={"description": "The draft to check, as plain text.",
                                   **_SOME_TEXT})
    html = fields.String(validate=[validate.Length(min=1), _not_blank], metadata={
        "description": "Or the draft as HTML: its text is checked and every span is also "
                       "given in the HTML (html_start, html_end).", **_SOME_TEXT})
    title = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=1000))
    source = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=200),
                           metadata={"description": "Who sent it: a CMS name, a desk, ..."})
    metadata = fields.Dict(keys=fields.String(), load_default=dict,
                           metadata={"description": "Free JSON kept with the job and echoed back."})
    callback_url = OptionalUrl(
        "Where to POST the report when done (signed per Standard Webhooks).")


    @validates_schema
    def _text_or_html(self, data: dict, **_: object) -> None:
        if ("text" in data) == ("html" in data):
            raise ValidationError("Send the draft as either text or html (one of them).",
                                  field_name="text")


class CheckAcceptedSchema(Schema):
    id = fields.String(required=True)
    status = fields.String(required=True,
                           validate=validate.OneOf(["queued", "running", "done", "failed"]))


class CheckSchema(CheckAcceptedSchema):
    title = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    metadata = fields.Dict()
    created_at = fields.Float()
    updated_at = fields.Float()
    started_at = fields.Float(allow_none=True, metadata={
        "description": "When a worker last started the check (queue wait: started - created)."})
    finished_at = fields.Float(allow_none=True)
    attempts = fields.Integer()
    error = fields.String(allow_none=True)
    callback_url = fields.String(allow_none=True)
    hook = fields.String(allow_none=True)
    reused_from = fields.String(allow_none=True)
    report = fields.Dict(allow_none=True, metadata={
        "description": "Once done: the versioned report (see docs/report.md)."})


class ReferenceRequestSchema(Schema):
    id = fields.String(load_default=None, validate=validate.Regexp(
        r"^[A-Za-z0-9][A-Za-z0-9._/:-]{0,199}$",
        error="Use 1-200 letters, digits and . _ / : - (starting with a letter or digit)."))
    title = fields.String(required=True, validate=[validate.Length(min=1, max=1000), _not_blank],
                          metadata=_SOME_TEXT)
    text = fields.String(required=True, validate=[validate.Length(min=1), _not_blank],
                         metadata=_SOME_TEXT)
    url = OptionalUrl("The article's address.")
    source = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=200))
    published_at = fields.DateTime(load_default=None, allow_none=True, metadata={
        "description": "ISO 8601 date or date-time, such as 2022-10-20 or 2022-10-20T14:00:00Z."})


class ReferenceSummarySchema(Schema):
    id = fields.String(required=True)
    title = fields.String(required=True)
    url = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    published_at = fields.String(allow_none=True)
    content_hash = fields.String()
    created_at = fields.Float()


class ReferenceSchema(ReferenceSummarySchema):
    text = fields.String(required=True)


class PageArgsSchema(Schema):
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=10**12))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))


class ReferencePageSchema(Schema):
    items = fields.List(fields.Nested(ReferenceSummarySchema), required=True)
    total = fields.Integer(required=True)
    offset = fields.Integer(required=True)
    limit = fields.Integer(required=True)
    next = fields.String(allow_none=True, metadata={"description": "URL of the next page."})


class HealthSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(["ok", "degraded"]))
    store = fields.Dict(required=True)
    broker = fields.Dict(required=True)
    version = fields.String(required=True)


class DeliverySchema(Schema):
    attempt = fields.Integer(required=True)
    at = fields.Float(required=True)
    url = fields.String(required=True)
    webhook_id = fields.String(required=True)
    outcome = fields.String(required=True, validate=validate.OneOf(
        ["delivered", "retry", "gave_up", "stopped"]))
    status_code = fields.Integer(allow_none=True)
    error = fields.String(allow_none=True)
    retry_in = fields.Float(allow_none=True)


class HookRequestSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(["ghost", "wordpress", "generic"]),
                         metadata={"description": "The CMS that sends the deliveries."})
    secrets = fields.List(fields.String(validate=validate.Length(min=1, max=500)), required=True,
                          validate=validate.Length(min=1, max=5), metadata={
                              "description": "Webhook secrets the CMS signs with (several "
                                             "while rotating)."})
    callback_url = OptionalUrl("Where to POST the reports of this hook's drafts.")


class HookSchema(Schema):
    name = fields.String(required=True)
    kind = fields.String(required=True)
    secrets = fields.String(required=True, metadata={"description": "How many, never which."})
    callback_url = fields.String(allow_none=True)
