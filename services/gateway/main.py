"""Run the gateway: python -m services.gateway.main"""

import uvicorn

from lib.common import json_logs, tracing
from lib.common.config import get_settings
from services.gateway.app import create_app

if __name__ == "__main__":
    settings = get_settings()
    json_logs.configure("gateway", settings)
    tracing.setup("gateway", settings)
    uvicorn.run(
        create_app(settings),
        host=settings.gateway_host,
        port=settings.gateway_port,
        log_level="warning",
        # Uvicorn's loggers go through the process's (JSON) handler.
        log_config=None,
        access_log=False,
    )
