"""The name -> renderer table behind ``--format``."""

from hipaalint.reporters import Renderer
from hipaalint.reporters import json as json_reporter
from hipaalint.reporters import text as text_reporter

REPORTERS: dict[str, Renderer] = {
    "json": json_reporter.render,
    "text": text_reporter.render,
}
