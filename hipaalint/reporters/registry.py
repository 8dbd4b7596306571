"""The name -> renderer table behind ``--format``."""

from hipaalint.reporters import Renderer
from hipaalint.reporters import csv as csv_reporter
from hipaalint.reporters import html as html_reporter
from hipaalint.reporters import json as json_reporter
from hipaalint.reporters import jsonl as jsonl_reporter
from hipaalint.reporters import sarif as sarif_reporter
from hipaalint.reporters import text as text_reporter

REPORTERS: dict[str, Renderer] = {
    "json": json_reporter.render,
    "jsonl": jsonl_reporter.render,
    "csv": csv_reporter.render,
    "sarif": sarif_reporter.render,
    "html": html_reporter.render,
    "text": text_reporter.render,
}
