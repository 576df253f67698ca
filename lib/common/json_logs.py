"""Log lines as JSON, one object per line, each with the trace id of the request it
belongs to: what a log collector (Loki, CloudWatch, ...) reads and an operator searches by
trace. POSTFLOW_LOG_FORMAT=text gives lines for a person at a terminal instead."""

import json
import logging
import sys
from datetime import UTC, datetime

from opentelemetry import trace
from temporalio import activity, workflow

from lib.common.config import Settings

TEMPORAL_EXTRAS = ("temporal_activity", "temporal_workflow")
# Chatty at INFO about what is not news: httpx logs every request (readiness probes too).
QUIET_LOGGERS = ("httpx",)


def _trace_ids() -> dict[str, str]:
    span = trace.get_current_span().get_span_context()
    if not span.is_valid:
        return {}
    return {"trace_id": format(span.trace_id, "032x"), "span_id": format(span.span_id, "016x")}


class JsonFormatter(logging.Formatter):
    """time, level, process, logger, message, trace_id/span_id when in a trace, exception.
    json.dumps escapes control characters: a message cannot forge a second line."""

    def __init__(self, process: str) -> None:
        super().__init__()
        self._process = process

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "process": self._process,
            "logger": record.name,
            "message": record.getMessage(),
            **_trace_ids(),
        }
        # Which activity or workflow a Temporal log line is from (the SDK's adapters give it).
        for key in TEMPORAL_EXTRAS:
            if (value := getattr(record, key, None)) is not None:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(name)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        trace_id = _trace_ids().get("trace_id")
        return f"{line} trace_id={trace_id}" if trace_id else line


def configure(process: str, settings: Settings, level: int = logging.INFO) -> None:
    """Every log record of this process (uvicorn's included) to stderr in the set format."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(process) if settings.log_format == "json" else TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    if settings.log_format == "json":
        # Fields of their own rather than a dict written into every message.
        activity.logger.activity_info_on_message = False
        workflow.logger.workflow_info_on_message = False
