"""Log lines are one JSON object each, with the trace id of the work they belong to."""

import io
import json
import logging

from opentelemetry.sdk.trace import TracerProvider

from lib.common.json_logs import JsonFormatter, TextFormatter


def _logger(formatter: logging.Formatter) -> tuple[logging.Logger, io.StringIO]:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(formatter)
    logger = logging.getLogger(f"test-json-logs-{id(formatter)}")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    return logger, out


def test_a_line_in_a_span_carries_its_trace_and_span_ids():
    logger, out = _logger(JsonFormatter("worker"))
    tracer = TracerProvider().get_tracer(__name__)
    with tracer.start_as_current_span("publish") as span:
        logger.info("post %s published", "p-1")
    entry = json.loads(out.getvalue())
    ids = span.get_span_context()
    assert entry["trace_id"] == format(ids.trace_id, "032x")
    assert entry["span_id"] == format(ids.span_id, "016x")
    assert entry["message"] == "post p-1 published"
    assert (entry["level"], entry["process"], entry["logger"]) == ("INFO", "worker", logger.name)


def test_outside_a_trace_there_is_no_trace_id():
    logger, out = _logger(JsonFormatter("gateway"))
    logger.warning("started")
    assert "trace_id" not in json.loads(out.getvalue())


def test_a_message_cannot_forge_a_second_line():
    logger, out = _logger(JsonFormatter("gateway"))
    caption = 'evil\n{"level": "INFO", "message": "forged"}\r\x1b[2J\x00'
    logger.warning("caption refused: %s", caption)
    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["message"] == f"caption refused: {caption}"


def test_an_exception_is_kept_in_the_same_object():
    logger, out = _logger(JsonFormatter("posts"))
    try:
        raise ValueError("boom")
    except ValueError:
        logger.exception("failed")
    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    entry = json.loads(lines[0])
    assert entry["level"] == "ERROR" and "ValueError: boom" in entry["exception"]


def test_the_text_format_names_the_trace_too():
    logger, out = _logger(TextFormatter())
    tracer = TracerProvider().get_tracer(__name__)
    with tracer.start_as_current_span("request") as span:
        logger.info("hello")
    assert out.getvalue().rstrip().endswith(f"trace_id={format(span.get_span_context().trace_id, '032x')}")
